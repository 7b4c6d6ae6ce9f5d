import { type FormEvent, useState } from "react";
import { ErrorFields, graphql } from "../../lib/graphql";
import type { PayloadError } from "../../lib/mutation";
import { useMutationAction } from "../../lib/use-mutation-action";
import { useMutationForm } from "../../lib/use-mutation-form";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { SessionAccountFields } from "./auth-fields";

const SecondFactorForm_Verify = graphql(
  `
  mutation SecondFactorForm_Verify($input: VerifySignInInput!) {
    verifySignIn(input: $input) {
      __typename
      ... on VerifySignInSuccess {
        data {
          ...SessionAccountFields
        }
      }
      ... on InvalidSecondFactorError {
        reason
        attemptsLeft
      }
      ...ErrorFields
    }
  }
`,
  [SessionAccountFields, ErrorFields],
);

const SecondFactorForm_SendCode = graphql(
  `
  mutation SecondFactorForm_SendCode($input: SendSignInCodeInput!) {
    sendSignInCode(input: $input) {
      __typename
      ... on SendSignInCodeSuccess {
        data
      }
      ...ErrorFields
    }
  }
`,
  [ErrorFields],
);

export type SecondFactorMethod = "TOTP" | "EMAIL" | "RECOVERY_CODE";

const WORDING: Record<SecondFactorMethod, { label: string; hint: string; switchTo: string }> = {
  TOTP: {
    label: "Code from your authenticator app",
    hint: "Open your authenticator app and enter the 6-digit code it shows for Gatehouse.",
    switchTo: "Use your authenticator app",
  },
  EMAIL: {
    label: "Code from your e-mail",
    hint: "We mailed you a 6-digit code. It works for 10 minutes.",
    switchTo: "Use a code by e-mail",
  },
  RECOVERY_CODE: {
    label: "Recovery code",
    hint: "One of the recovery codes you saved when you set up two-step sign-in. Each works once.",
    switchTo: "Use a recovery code",
  },
};

type SecondFactorFormProps = {
  challenge: string;
  methods: readonly SecondFactorMethod[];
  /** Asked because this device and network are new to the account. */
  newDevice: boolean;
  onSignedIn: () => void;
  /** The sign-in expired or took too many wrong codes: back to the password. */
  onRestart: () => void;
};

/** The second step of signing in: a code from the authenticator app, e-mail or a recovery code. */
export function SecondFactorForm({ challenge, methods, newDevice, onSignedIn, onRestart }: SecondFactorFormProps) {
  const [method, setMethod] = useState<SecondFactorMethod>(methods[0] ?? "TOTP");
  const [ended, setEnded] = useState(false);
  const [sent, setSent] = useState(method === "EMAIL");
  const form = useMutationForm(SecondFactorForm_Verify, (data) => data.verifySignIn, "We couldn't check the code.", {
    fieldFor: (error) => (isWrongCode(error) ? "code" : null),
    onError: (error) => setEnded(error.__typename === "InvalidSecondFactorError" && !isWrongCode(error)),
  });
  const send = useMutationAction(SecondFactorForm_SendCode, (data) => data.sendSignInCode, "We couldn't send a code.");

  async function sendCode() {
    if (await send.run({ input: { challenge } })) setSent(true);
  }

  function choose(next: SecondFactorMethod) {
    form.clear();
    setMethod(next);
    if (next === "EMAIL" && !sent) void sendCode();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (form.reject(code ? {} : { code: "Enter the code." })) return;
    if (await form.run({ input: { challenge, method, code } })) onSignedIn();
  }

  const wording = WORDING[method];
  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label="Second step">
      {newDevice ? (
        <Alert tone="info" title="Is this you?">
          We don't recognise this device or network, so we check it's really you before signing you in. We'll also
          e-mail you about this sign-in.
        </Alert>
      ) : (
        <p>Your account is protected with two-step sign-in.</p>
      )}
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      {send.error ? <Alert tone="error">{send.error}</Alert> : null}
      {ended ? (
        <Button block onClick={onRestart}>
          Sign in again
        </Button>
      ) : (
        <>
          <Field
            key={method}
            label={wording.label}
            name="code"
            hint={wording.hint}
            autoComplete="one-time-code"
            inputMode={method === "RECOVERY_CODE" ? "text" : "numeric"}
            autoFocus
            error={form.fieldErrors.code}
            required
          />
          <Button type="submit" block loading={form.fetching}>
            {form.fetching ? "Checking…" : "Verify"}
          </Button>
        </>
      )}
      <div className="stack-sm">
        {method === "EMAIL" && !ended ? (
          <Button variant="link" loading={send.fetching} onClick={sendCode}>
            Send a new code
          </Button>
        ) : null}
        {methods
          .filter((other) => other !== method && !ended)
          .map((other) => (
            <Button key={other} variant="link" onClick={() => choose(other)}>
              {WORDING[other].switchTo}
            </Button>
          ))}
      </div>
    </form>
  );
}

const isWrongCode = (error: PayloadError) =>
  error.__typename === "InvalidSecondFactorError" && "reason" in error && error.reason === "WRONG_CODE";
