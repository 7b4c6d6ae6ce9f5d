import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { AuthShell } from "../../components/layout/AuthShell";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { AlertIcon } from "../../components/ui/icons";
import { NotFoundPage } from "./NotFoundPage";

/** Error boundary for every route: a 404 gets the friendly page, anything else a way to recover. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);

  return (
    <AuthShell>
      <title>{t("routeError.tabTitle")}</title>
      <Card centered aria-labelledby="route-error-title">
        <div className="error-icon">
          <AlertIcon />
        </div>
        <div className="stack">
          <h1 id="route-error-title">{t("routeError.title")}</h1>
          <p className="muted">{t("routeError.body")}</p>
          <div>
            <Button onClick={() => window.location.reload()}>{t("routeError.reload")}</Button>
          </div>
        </div>
        <details className="error-details">
          <summary>{t("routeError.details")}</summary>
          <pre>{detail}</pre>
        </details>
      </Card>
    </AuthShell>
  );
}
