import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Brand } from "../ui/Brand";
import { LanguageSelect } from "./LanguageSelect";

/** Centred single-card layout for sign-in, register and the hosted login pages. */
export function AuthShell({ children, brandLink = "/" }: { children: ReactNode; brandLink?: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="auth-shell">
      <header className="auth-shell-header">
        <Brand to={brandLink} />
        <LanguageSelect />
      </header>
      <main className="auth-shell-main">{children}</main>
      <footer className="auth-shell-footer">
        <p>{t("authShell.footer")}</p>
      </footer>
    </div>
  );
}
