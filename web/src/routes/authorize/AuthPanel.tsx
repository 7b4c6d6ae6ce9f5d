import { useEffect, useRef, useState } from "react";
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
  const [mode, setMode] = useState<"signin" | "register">("signin");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownMode = useRef(mode);
  const action = mode === "signin" ? "Sign in" : "Create an account";

  useEffect(() => {
    // Moving focus tells keyboard and screen-reader users the form changed; not on first render.
    if (shownMode.current === mode) return;
    shownMode.current = mode;
    headingRef.current?.focus();
  }, [mode]);

  return (
    <Card aria-labelledby="auth-title">
      <title>{`${action} · ${request.clientName} · Gatehouse`}</title>
      <header className="client-header">
        <span className="client-avatar client-avatar-lg" aria-hidden="true">
          {request.clientName.trim().charAt(0) || "?"}
        </span>
        <h1 id="auth-title" ref={headingRef} tabIndex={-1}>
          {action} to continue to <strong className="client-name">{request.clientName}</strong>{" "}
          <span className="client-domain">({request.domain})</span>
        </h1>
      </header>

      <div className="stack">
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        {mode === "signin" ? (
          <>
            <SignInForm key="signin" defaultEmail={request.email} onSignedIn={onAuthenticated} submitLabel="Continue" />
            {/* After the provider, the browser comes back to this very page, token and all. */}
            <ProviderButtons returnTo={`${window.location.pathname}${window.location.search}`} />
          </>
        ) : (
          <RegisterForm
            key="register"
            defaultEmail={request.email}
            onRegistered={onAuthenticated}
            submitLabel="Create account and continue"
            askForCode={false}
          />
        )}
      </div>

      <CardFooter>
        {mode === "signin" ? (
          <p>
            New to Gatehouse?{" "}
            <Button variant="link" onClick={() => setMode("register")}>
              Create an account
            </Button>
          </p>
        ) : (
          <p>
            Already have an account?{" "}
            <Button variant="link" onClick={() => setMode("signin")}>
              Sign in instead
            </Button>
          </p>
        )}
      </CardFooter>
    </Card>
  );
}
