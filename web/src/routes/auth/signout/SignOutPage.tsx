import { useState } from "react";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { describeError } from "../../../lib/errors";
import { graphql } from "../../../lib/graphql";

const SignOutPageSignOut = graphql(`
  mutation SignOutPage_SignOut {
    signOut
  }
`);

/** Where XWMS's /logout link lands: a click ends the session, so another site cannot sign people out. */
export function SignOutPage() {
  const navigate = useNavigate();
  const [{ fetching }, signOut] = useMutation(SignOutPageSignOut);
  const [error, setError] = useState<string | null>(null);

  async function handleSignOut() {
    const result = await signOut({});
    if (result.error) return setError(describeError(result.error));
    navigate("/signin", { replace: true });
  }

  return (
    <main className="app-main">
      <title>Sign out · Gatehouse</title>
      <Card aria-labelledby="signout-title">
        <h1 id="signout-title">Sign out of Gatehouse?</h1>
        <p className="muted">You will need to sign in again to use apps that log in with Gatehouse.</p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="form-actions">
          <Button variant="secondary" onClick={() => navigate("/account")} disabled={fetching}>
            Stay signed in
          </Button>
          <Button onClick={handleSignOut} loading={fetching}>
            Sign out
          </Button>
        </div>
      </Card>
    </main>
  );
}
