import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthShell } from "../../components/layout/AuthShell";
import { Card } from "../../components/ui/Card";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <AuthShell>
      <title>{t("notFound.tabTitle")}</title>
      <Card centered aria-labelledby="not-found-title">
        <div className="stack">
          <p className="error-code">404</p>
          <h1 id="not-found-title">{t("notFound.title")}</h1>
          <p className="muted">{t("notFound.body")}</p>
          <div>
            <Link className="btn btn-primary" to="/account">
              {t("notFound.toAccount")}
            </Link>
          </div>
        </div>
      </Card>
    </AuthShell>
  );
}
