import { useTranslation } from "react-i18next";
import { Card } from "../../components/ui/Card";
import { AlertIcon } from "../../components/ui/icons";
import type { LoginRequestErrorCode } from "./types";

const TITLES = {
  NOT_FOUND: "error.NOT_FOUND",
  EXPIRED: "error.EXPIRED",
  ALREADY_USED: "error.ALREADY_USED",
  DOMAIN_INACTIVE: "error.DOMAIN_INACTIVE",
  LOGIN_NOT_ALLOWED: "error.LOGIN_NOT_ALLOWED",
  TEST_MODE_DENIED: "error.TEST_MODE_DENIED",
  DECLINED: "error.DECLINED",
} as const satisfies Record<LoginRequestErrorCode, string>;

type LoginRequestErrorViewProps = {
  code?: LoginRequestErrorCode | undefined;
  title?: string | undefined;
  message: string;
};

/** The end of a hosted login that cannot continue and has no fallback URI to send the person to. */
export function LoginRequestErrorView({ code, title, message }: LoginRequestErrorViewProps) {
  const { t } = useTranslation("authorize");
  const heading = title ?? t(code ? TITLES[code] : "error.fallback");
  return (
    <Card centered aria-labelledby="login-error-title">
      <div className="error-icon">
        <AlertIcon />
      </div>
      <div className="stack">
        <h1 id="login-error-title">{heading}</h1>
        <p role="alert">{message}</p>
        {code === "DECLINED" ? <p className="muted">{t("error.closePage")}</p> : null}
      </div>
    </Card>
  );
}
