import { isRouteErrorResponse, useRouteError } from "react-router";
import { AuthShell } from "../../components/layout/AuthShell";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { AlertIcon } from "../../components/ui/icons";
import { NotFoundPage } from "./NotFoundPage";

/** Error boundary for every route: a 404 gets the friendly page, anything else a way to recover. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);

  return (
    <AuthShell>
      <title>Something went wrong · Gatehouse</title>
      <Card centered aria-labelledby="route-error-title">
        <div className="error-icon">
          <AlertIcon />
        </div>
        <div className="stack">
          <h1 id="route-error-title">Something went wrong</h1>
          <p className="muted">This page hit an unexpected problem. Reloading usually fixes it.</p>
          <div>
            <Button onClick={() => window.location.reload()}>Reload the page</Button>
          </div>
        </div>
        <details className="error-details">
          <summary>Technical details</summary>
          <pre>{detail}</pre>
        </details>
      </Card>
    </AuthShell>
  );
}
