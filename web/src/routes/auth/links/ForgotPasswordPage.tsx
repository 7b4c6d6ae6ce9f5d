import { type FormEvent, useState } from "react";
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
  const [{ fetching }, request] = useMutation(ForgotPasswordPage_Request);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!looksLikeEmail(email)) return setError("Enter an email address like name@example.com.");
    setError(null);
    const result = await request({ input: { email } });
    const answer = result.data?.requestPasswordReset;
    if (result.error) setError(describeError(result.error));
    else if (answer?.__typename === "ValidationError") setError(answer.message);
    else setSentTo(email);
  }

  return (
    <AuthCard
      title="Reset your password"
      description="We mail you a link that works for one hour."
      footer={
        <>
          Remembered it? <Link to="/signin">Sign in</Link>
        </>
      }
    >
      {sentTo ? (
        <Alert tone="success" title="Check your mail">
          If an account uses {sentTo}, a reset link is on its way.
        </Alert>
      ) : (
        <form className="form" onSubmit={handleSubmit} noValidate>
          <Field label="Email" name="email" type="email" autoComplete="email" required error={error ?? undefined} />
          <Button type="submit" block loading={fetching}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
