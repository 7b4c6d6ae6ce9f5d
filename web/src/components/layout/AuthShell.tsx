import type { ReactNode } from "react";
import { Brand } from "../ui/Brand";

/** Centred single-card layout for sign-in, register and the hosted login pages. */
export function AuthShell({ children, brandLink = "/" }: { children: ReactNode; brandLink?: string | null }) {
  return (
    <div className="auth-shell">
      <header>
        <Brand to={brandLink} />
      </header>
      <main className="auth-shell-main">{children}</main>
      <footer className="auth-shell-footer">
        <p>Gatehouse keeps one account for all the apps you use.</p>
      </footer>
    </div>
  );
}
