import { useEffect, useRef } from "react";
import { Outlet, useLocation } from "react-router";
import { Tabs } from "../../components/ui/Tabs";
import "./account.css";

const sections = [
  { to: "/account", label: "Profile", end: true },
  { to: "/account/addresses", label: "Addresses" },
  { to: "/account/apps", label: "Connected apps" },
  { to: "/account/requests", label: "Access requests" },
  { to: "/account/tokens", label: "API tokens" },
  { to: "/account/two-factor", label: "Two-step sign-in" },
  { to: "/account/sessions", label: "Sessions" },
  { to: "/account/privacy", label: "Your data" },
] as const;

/** The account area: a page heading, the section tabs and the current section. */
export function AccountLayout() {
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
        <h1>Your account</h1>
        <p className="muted">Your profile, and what apps and people may do with it.</p>
      </header>
      <Tabs items={sections} label="Account sections" />
      <div className="account-section">
        <Outlet />
      </div>
    </div>
  );
}
