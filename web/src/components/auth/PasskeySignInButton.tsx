import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ErrorFields, graphql } from "../../lib/graphql";
import { runMutation } from "../../lib/mutation";
import { answerWithPasskey, passkeysSupported } from "../../lib/passkey";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { SessionAccountFields } from "./auth-fields";

const PasskeySignInButton_Start = graphql(`
  mutation PasskeySignInButton_Start($input: StartPasskeySignInInput) {
    startPasskeySignIn(input: $input)
  }
`);

const PasskeySignInButton_Finish = graphql(
  `
    mutation PasskeySignInButton_Finish($input: FinishPasskeySignInInput!) {
      finishPasskeySignIn(input: $input) {
        __typename
        ... on FinishPasskeySignInSuccess {
          data {
            ...SessionAccountFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SessionAccountFields, ErrorFields],
);

/**
 * "Sign in with a passkey": the browser offers the person's passkeys for Gatehouse, no e-mail typed.
 * The passkey verifies the person itself, so the sign-in is complete when it answers.
 */
export function PasskeySignInButton({
  rememberMe,
  onSignedIn,
}: {
  /** Read when clicked: the form's "Remember me" choice. */
  rememberMe: () => boolean;
  onSignedIn: () => void;
}) {
  const { t } = useTranslation("auth");
  const [, start] = useMutation(PasskeySignInButton_Start);
  const [, finish] = useMutation(PasskeySignInButton_Finish);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!passkeysSupported()) return null;

  async function signIn() {
    setError(null);
    setBusy(true);
    try {
      const options = await start({ input: { rememberMe: rememberMe() } });
      if (!options.data?.startPasskeySignIn) return setError(t("passkey.startFailed"));
      const answer = await answerWithPasskey(options.data.startPasskeySignIn);
      if (!answer.ok) return setError(answer.message);
      const done = await runMutation(
        finish({ input: { response: answer.response } }),
        (data) => data.finishPasskeySignIn,
        t("passkey.signInFailed"),
      );
      if (!done.ok) return setError(done.message);
      onSignedIn();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack-sm">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button variant="secondary" block loading={busy} onClick={signIn}>
        {busy ? t("passkey.waiting") : t("passkey.signIn")}
      </Button>
    </div>
  );
}
