import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Card } from "../ui/Card";

/**
 * A page that refuses a person without a second factor: what to do, and where. The client dashboard (a client
 * that requires 2FA of its members) and the staff tools (always) show it with their own title and reason.
 */
export function SecondFactorRequired({
  title,
  body,
  back,
}: {
  title: string;
  body: string;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation("common");
  const titleId = useId();
  return (
    <Card centered aria-labelledby={titleId}>
      <title>{t("secondFactorRequired.documentTitle")}</title>
      <div className="stack-sm">
        <h1 id={titleId}>{title}</h1>
        <p>{body}</p>
        <p>
          <Link className="btn btn-primary" to="/account/two-factor">
            {t("secondFactorRequired.setUp")}
          </Link>
        </p>
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      </div>
    </Card>
  );
}
