import { Card } from "../../components/ui/Card";
import { AlertIcon } from "../../components/ui/icons";
import type { LoginRequestErrorCode } from "./types";

const TITLES: Record<LoginRequestErrorCode, string> = {
  NOT_FOUND: "This sign-in link is not valid",
  EXPIRED: "This sign-in link has expired",
  ALREADY_USED: "This sign-in link was already used",
  DOMAIN_INACTIVE: "This app is not available right now",
  LOGIN_NOT_ALLOWED: "Sign-in is turned off for this app",
  TEST_MODE_DENIED: "This app is in test mode",
  DECLINED: "You declined access",
};

type LoginRequestErrorViewProps = {
  code?: LoginRequestErrorCode | undefined;
  title?: string | undefined;
  message: string;
};

/** The end of a hosted login that cannot continue and has no fallback URI to send the person to. */
export function LoginRequestErrorView({ code, title, message }: LoginRequestErrorViewProps) {
  const heading = title ?? (code ? TITLES[code] : "We couldn't sign you in");
  return (
    <Card centered aria-labelledby="login-error-title">
      <div className="error-icon">
        <AlertIcon />
      </div>
      <div className="stack">
        <h1 id="login-error-title">{heading}</h1>
        <p role="alert">{message}</p>
        {code === "DECLINED" ? <p className="muted">You can close this page.</p> : null}
      </div>
    </Card>
  );
}
