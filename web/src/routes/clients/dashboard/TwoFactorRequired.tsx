import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Card } from "../../../components/ui/Card";

/** A member of a client that requires 2FA, without a second factor: what to do, and where. */
export function TwoFactorRequired() {
  const { t } = useTranslation("clients");
  return (
    <Card centered aria-labelledby="two-factor-required-title">
      <title>{t("twoFactorRequired.documentTitle")}</title>
      <div className="stack-sm">
        <h1 id="two-factor-required-title">{t("twoFactorRequired.title")}</h1>
        <p>{t("twoFactorRequired.body")}</p>
        <p>
          <Link className="btn btn-primary" to="/account/two-factor">
            {t("twoFactorRequired.setUp")}
          </Link>
        </p>
        <p>
          <Link to="/clients">{t("backToClients")}</Link>
        </p>
      </div>
    </Card>
  );
}
