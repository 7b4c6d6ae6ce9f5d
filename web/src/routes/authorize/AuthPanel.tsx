import { useEffect, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { ProviderButtons } from "../../components/auth/ProviderButtons";
import { RegisterForm } from "../../components/auth/RegisterForm";
import { SignInForm } from "../../components/auth/SignInForm";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card, CardFooter } from "../../components/ui/Card";
import type { LoginRequest } from "./types";

type AuthPanelProps = {
  request: LoginRequest;
  notice: string | null;
  onAuthenticated: () => void;
};

/** Sign-in and register for the hosted login page; both stay on /authorize so the token is kept. */
export function AuthPanel({ request, notice, onAuthenticated }: AuthPanelProps) {
  const { t } = useTranslation("authorize");
  const [mode, setMode] = useState<"signin" | "register">("signin");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownMode = useRef(mode);
  const action = mode === "signin" ? t("panel.signIn") : t("panel.register");

  useEffect(() => {
    // Moving focus tells keyboard and screen-reader users the form changed; not on first render.
    if (shownMode.current === mode) return;
    shownMode.current = mode;
    headingRef.current?.focus();
  }, [mode]);

  return (
    <Card aria-labelledby="auth-title">
      <title>{t("panel.tabTitle", { action, client: request.clientName })}</title>
      <header className="client-header">
        <span className="client-avatar client-avatar-lg" aria-hidden="true">
          {request.clientName.trim().charAt(0) || "?"}
        </span>
        <h1 id="auth-title" ref={headingRef} tabIndex={-1}>
          <Trans
            t={t}
            i18nKey="panel.heading"
            values={{ action, client: request.clientName, domain: request.domain }}
            components={{ client: <strong className="client-name" />, domain: <span className="client-domain" /> }}
          />
        </h1>
      </header>

      <div className="stack">
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        {mode === "signin" ? (
          <>
            <SignInForm
              key="signin"
              defaultEmail={request.email}
              onSignedIn={onAuthenticated}
              submitLabel={t("panel.continue")}
            />
            {/* After the provider, the browser comes back to this very page, token and all. */}
            <ProviderButtons returnTo={`${window.location.pathname}${window.location.search}`} />
          </>
        ) : (
          <RegisterForm
            key="register"
            defaultEmail={request.email}
            onRegistered={onAuthenticated}
            submitLabel={t("panel.registerSubmit")}
            askForCode={false}
          />
        )}
      </div>

      <CardFooter>
        {mode === "signin" ? (
          <p>
            {t("panel.newHere")}{" "}
            <Button variant="link" onClick={() => setMode("register")}>
              {t("panel.toRegister")}
            </Button>
          </p>
        ) : (
          <p>
            {t("panel.haveAccount")}{" "}
            <Button variant="link" onClick={() => setMode("signin")}>
              {t("panel.toSignIn")}
            </Button>
          </p>
        )}
      </CardFooter>
    </Card>
  );
}
