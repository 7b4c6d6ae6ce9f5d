import { Link } from "react-router";
import { AuthShell } from "../../components/layout/AuthShell";
import { Card } from "../../components/ui/Card";

export function NotFoundPage() {
  return (
    <AuthShell>
      <title>Page not found · Gatehouse</title>
      <Card centered aria-labelledby="not-found-title">
        <div className="stack">
          <p className="error-code">404</p>
          <h1 id="not-found-title">We can't find that page</h1>
          <p className="muted">The link may be broken, or the page may have moved.</p>
          <div>
            <Link className="btn btn-primary" to="/account">
              Go to your account
            </Link>
          </div>
        </div>
      </Card>
    </AuthShell>
  );
}
