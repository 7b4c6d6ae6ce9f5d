import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { Tabs } from "../../components/ui/Tabs";
import "./account.css";

const sections = [
  { to: "/account", label: "layout.profile", end: true },
  { to: "/account/addresses", label: "layout.addresses" },
  { to: "/account/apps", label: "layout.apps" },
  { to: "/account/requests", label: "layout.requests" },
  { to: "/account/tokens", label: "layout.tokens" },
  { to: "/account/two-factor", label: "layout.twoFactor" },
  { to: "/account/sessions", label: "layout.sessions" },
  { to: "/account/privacy", label: "layout.privacy" },
] as const;

/** The account area: a page heading, the section tabs and the current section. */
export function AccountLayout() {
  const { t } = useTranslation("account");
  const { pathname } = useLocation();
  const ref = useRef<HTMLDivElement>(null);

  // On narrow screens the tabs scroll sideways: keep the current one in view.
  useEffect(() => {
    if (!pathname) return;
    ref.current
      ?.querySelector('[aria-current="page"]')
      ?.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
  }, [pathname]);

  return (
    <div className="account" ref={ref}>
      <header className="page-header">
        <h1>{t("layout.title")}</h1>
        <p className="muted">{t("layout.description")}</p>
      </header>
      <Tabs items={sections.map((section) => ({ ...section, label: t(section.label) }))} label={t("layout.sections")} />
      <div className="account-section">
        <Outlet />
      </div>
    </div>
  );
}
