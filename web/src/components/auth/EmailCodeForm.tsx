import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { ErrorFields, graphql } from "../../lib/graphql";
import { runMutation } from "../../lib/mutation";
import { useMutationForm } from "../../lib/use-mutation-form";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

const EmailCodeForm_Confirm = graphql(
  `
  mutation EmailCodeForm_Confirm($input: ConfirmEmailCodeInput!) {
    confirmEmailCode(input: $input) {
      __typename
      ... on ConfirmEmailCodeSuccess {
        data {
          id
          emailVerified
        }
      }
      ...ErrorFields
    }
  }
`,
  [ErrorFields],
);

const EmailCodeForm_Resend = graphql(
  `
  mutation EmailCodeForm_Resend {
    resendVerificationEmail {
      __typename
      ...ErrorFields
    }
  }
`,
  [ErrorFields],
);

type EmailCodeFormProps = {
  email: string;
  onConfirmed: () => void;
  /** Offered as "Confirm later": the account works meanwhile, and the account page asks again. */
  onLater?: (() => void) | undefined;
};

/** Enter the 6-digit code mailed to `email`, or send a new one. The link in the same mail works too. */
export function EmailCodeForm({ email, onConfirmed, onLater }: EmailCodeFormProps) {
  const form = useMutationForm(EmailCodeForm_Confirm, (data) => data.confirmEmailCode, "We couldn't check the code.", {
    fieldFor: (error) => (error.__typename === "InvalidEmailCodeError" ? "code" : null),
  });
  const [resending, resend] = useMutation(EmailCodeForm_Resend);
  const [resent, setResent] = useState<string | null>(null);
  const [resendError, setResendError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResent(null);
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s+/g, "");
    if (form.reject(/^\d{6}$/.test(code) ? {} : { code: "Enter the 6 digits from the e-mail." })) return;
    if (await form.run({ input: { code } })) onConfirmed();
  }

  async function sendNewCode() {
    setResent(null);
    setResendError(null);
    const outcome = await runMutation(resend({}), (data) => data.resendVerificationEmail, "We couldn't send a code.");
    if (outcome.ok) setResent(`A new code is on its way to ${email}. Earlier codes no longer work.`);
    else setResendError(outcome.message);
  }

  return (
    <form
      ref={form.formRef}
      className="form"
      onSubmit={handleSubmit}
      noValidate
      aria-label="Confirm your e-mail address"
    >
      <p>
        We sent a 6-digit code to <strong>{email}</strong>. It works for 10 minutes. The link in the same e-mail works
        too.
      </p>
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      {resendError ? <Alert tone="error">{resendError}</Alert> : null}
      {resent ? <Alert tone="success">{resent}</Alert> : null}
      <Field
        label="Code from the e-mail"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={9}
        className="code-field"
        error={form.fieldErrors.code}
        required
      />
      <Button type="submit" block loading={form.fetching}>
        {form.fetching ? "Checking…" : "Confirm e-mail address"}
      </Button>
      <div className="form-actions-split">
        <Button type="button" variant="secondary" loading={resending.fetching} onClick={sendNewCode}>
          Send a new code
        </Button>
        {onLater ? (
          <Button type="button" variant="link" onClick={onLater}>
            Confirm later
          </Button>
        ) : null}
      </div>
    </form>
  );
}
