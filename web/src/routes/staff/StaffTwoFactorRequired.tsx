import { Link } from "react-router";
import { Card } from "../../components/ui/Card";

/** Platform staff without a second factor: no staff tool works until they add one. */
export function StaffTwoFactorRequired() {
  return (
    <Card centered aria-labelledby="staff-two-factor-title">
      <title>Two-step sign-in required · Gatehouse</title>
      <div className="stack-sm">
        <h1 id="staff-two-factor-title">Set up two-step sign-in to use the staff tools</h1>
        <p>
          Gatehouse staff review partners, change plans and configure sign-in providers, so every staff account must
          sign in with a second factor. Add an authenticator app, codes by e-mail or a passkey, then come back.
        </p>
        <p>
          <Link className="btn btn-primary" to="/account/two-factor">
            Set up two-step sign-in
          </Link>
        </p>
        <p>
          <Link to="/account">Back to my account</Link>
        </p>
      </div>
    </Card>
  );
}
