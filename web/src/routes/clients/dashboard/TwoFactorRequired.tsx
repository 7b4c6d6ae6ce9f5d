import { Link } from "react-router";
import { Card } from "../../../components/ui/Card";

/** A member of a client that requires 2FA, without a second factor: what to do, and where. */
export function TwoFactorRequired() {
  return (
    <Card centered aria-labelledby="two-factor-required-title">
      <title>Two-step sign-in required · Gatehouse</title>
      <div className="stack-sm">
        <h1 id="two-factor-required-title">Set up two-step sign-in to open this client</h1>
        <p>
          This client asks every member to sign in with a second factor, because its team holds secrets and people's
          data. Add an authenticator app, codes by e-mail or a passkey to your account, then come back.
        </p>
        <p>
          <Link className="btn btn-primary" to="/account/two-factor">
            Set up two-step sign-in
          </Link>
        </p>
        <p>
          <Link to="/clients">Back to my clients</Link>
        </p>
      </div>
    </Card>
  );
}
