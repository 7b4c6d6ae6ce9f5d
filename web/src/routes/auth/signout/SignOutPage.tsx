import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("auth");
  const [{ fetching }, signOut] = useMutation(SignOutPageSignOut);
  const [error, setError] = useState<string | null>(null);

  async function handleSignOut() {
    const result = await signOut({});
    if (result.error) return setError(describeError(result.error));
    navigate("/signin", { replace: true });
  }

  return (
    <main className="app-main">
      <title>{t("signOut.tabTitle")}</title>
      <Card aria-labelledby="signout-title">
        <h1 id="signout-title">{t("signOut.title")}</h1>
        <p className="muted">{t("signOut.body")}</p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="form-actions">
          <Button variant="secondary" onClick={() => navigate("/account")} disabled={fetching}>
            {t("signOut.stay")}
          </Button>
          <Button onClick={handleSignOut} loading={fetching}>
            {t("signOut.submit")}
          </Button>
        </div>
      </Card>
    </main>
  );
}
