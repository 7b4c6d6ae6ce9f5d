import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Card } from "../ui/Card";

/**
 * A page that refuses a person without a second factor: what to do, and where.
 * The client dashboard (a client that requires 2FA of its members) and the staff tools (always) show it,
 * each with the texts of its own catalogue under `twoFactorRequired`.
 */
export function SecondFactorRequired({
  namespace,
  back,
}: {
  namespace: "clients" | "staff";
  back: { to: string; label: string };
}) {
  const { t } = useTranslation(namespace);
  const titleId = `${namespace}-two-factor-required-title`;
  return (
    <Card centered aria-labelledby={titleId}>
      <title>{t("twoFactorRequired.documentTitle")}</title>
      <div className="stack-sm">
        <h1 id={titleId}>{t("twoFactorRequired.title")}</h1>
        <p>{t("twoFactorRequired.body")}</p>
        <p>
          <Link className="btn btn-primary" to="/account/two-factor">
            {t("twoFactorRequired.setUp")}
          </Link>
        </p>
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      </div>
    </Card>
  );
}
