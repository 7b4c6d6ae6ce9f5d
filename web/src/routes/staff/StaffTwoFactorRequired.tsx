import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Card } from "../../components/ui/Card";

/** Platform staff without a second factor: no staff tool works until they add one. */
export function StaffTwoFactorRequired() {
  const { t } = useTranslation("staff");
  return (
    <Card centered aria-labelledby="staff-two-factor-title">
      <title>{t("twoFactorRequired.documentTitle")}</title>
      <div className="stack-sm">
        <h1 id="staff-two-factor-title">{t("twoFactorRequired.title")}</h1>
        <p>{t("twoFactorRequired.body")}</p>
        <p>
          <Link className="btn btn-primary" to="/account/two-factor">
            {t("twoFactorRequired.setUp")}
          </Link>
        </p>
        <p>
          <Link to="/account">{t("twoFactorRequired.back")}</Link>
        </p>
      </div>
    </Card>
  );
}
