import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation } from "urql";
import { AuthCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { describeError, looksLikeEmail } from "../../../lib/errors";
import { graphql } from "../../../lib/graphql";

const ForgotPasswordPage_Request = graphql(`
  mutation ForgotPasswordPage_Request($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      __typename
      ... on ValidationError {
        message
      }
    }
  }
`);

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  const [{ fetching }, request] = useMutation(ForgotPasswordPage_Request);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!looksLikeEmail(email)) return setError(t("email.invalid"));
    setError(null);
    const result = await request({ input: { email } });
    const answer = result.data?.requestPasswordReset;
    if (result.error) setError(describeError(result.error));
    else if (answer?.__typename === "ValidationError") setError(answer.message);
    else setSentTo(email);
  }

  return (
    <AuthCard
      title={t("forgot.title")}
      description={t("forgot.description")}
      footer={
        <>
          {t("forgot.remembered")} <Link to="/signin">{t("forgot.signIn")}</Link>
        </>
      }
    >
      {sentTo ? (
        <Alert tone="success" title={t("forgot.sentTitle")}>
          {t("forgot.sent", { email: sentTo })}
        </Alert>
      ) : (
        <form className="form" onSubmit={handleSubmit} noValidate>
          <Field
            label={t("email.label")}
            name="email"
            type="email"
            autoComplete="email"
            required
            error={error ?? undefined}
          />
          <Button type="submit" block loading={fetching}>
            {t("forgot.submit")}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
