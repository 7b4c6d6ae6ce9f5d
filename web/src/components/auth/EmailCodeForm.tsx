import { type FormEvent, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
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
  const { t } = useTranslation("auth");
  const form = useMutationForm(EmailCodeForm_Confirm, (data) => data.confirmEmailCode, t("emailCode.checkFailed"), {
    fieldFor: (error) => (error.__typename === "InvalidEmailCodeError" ? "code" : null),
  });
  const [resending, resend] = useMutation(EmailCodeForm_Resend);
  const [resent, setResent] = useState<string | null>(null);
  const [resendError, setResendError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResent(null);
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s+/g, "");
    if (form.reject(/^\d{6}$/.test(code) ? {} : { code: t("emailCode.invalid") })) return;
    if (await form.run({ input: { code } })) onConfirmed();
  }

  async function sendNewCode() {
    setResent(null);
    setResendError(null);
    const outcome = await runMutation(resend({}), (data) => data.resendVerificationEmail, t("emailCode.sendFailed"));
    if (outcome.ok) setResent(t("emailCode.resent", { email }));
    else setResendError(outcome.message);
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label={t("emailCode.form")}>
      <p>
        <Trans t={t} i18nKey="emailCode.intro" values={{ email }} components={{ strong: <strong /> }} />
      </p>
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      {resendError ? <Alert tone="error">{resendError}</Alert> : null}
      {resent ? <Alert tone="success">{resent}</Alert> : null}
      <Field
        label={t("emailCode.label")}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={9}
        className="code-field"
        error={form.fieldErrors.code}
        required
      />
      <Button type="submit" block loading={form.fetching}>
        {form.fetching ? t("emailCode.checking") : t("emailCode.submit")}
      </Button>
      <div className="form-actions-split">
        <Button type="button" variant="secondary" loading={resending.fetching} onClick={sendNewCode}>
          {t("emailCode.resend")}
        </Button>
        {onLater ? (
          <Button type="button" variant="link" onClick={onLater}>
            {t("emailCode.later")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
