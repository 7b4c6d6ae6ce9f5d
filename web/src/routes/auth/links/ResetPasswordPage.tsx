import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "urql";
import { AuthCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { describeError } from "../../../lib/errors";
import { graphql } from "../../../lib/graphql";

const ResetPasswordPage_Reset = graphql(`
  mutation ResetPasswordPage_Reset($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ... on InvalidLinkError {
        message
      }
      ... on ValidationError {
        message
        fieldErrors {
          field
          message
        }
      }
    }
  }
`);

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [{ fetching }, reset] = useMutation(ResetPasswordPage_Reset);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(token ? null : "This reset link is incomplete.");
  const [done, setDone] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("repeat") ?? "")) return setFieldError("The two passwords differ.");
    if (newPassword.length < 10) return setFieldError("Use at least 10 characters.");
    setFieldError(null);
    const result = await reset({ input: { token, newPassword } });
    const answer = result.data?.resetPassword;
    if (result.error) setFieldError(describeError(result.error));
    else if (answer?.__typename === "InvalidLinkError") setLinkError(answer.message);
    else if (answer?.__typename === "ValidationError") setFieldError(answer.fieldErrors[0]?.message ?? answer.message);
    else setDone(true);
  }

  return (
    <AuthCard title="Choose a new password" footer={<Link to="/signin">Back to sign in</Link>}>
      {done ? (
        <Alert tone="success" title="Password changed">
          You were signed out everywhere. <Link to="/signin">Sign in</Link> with the new password.
        </Alert>
      ) : linkError ? (
        <Alert tone="error" title="This link does not work">
          {linkError} <Link to="/forgot-password">Ask for a new link</Link>.
        </Alert>
      ) : (
        <form className="form" onSubmit={handleSubmit} noValidate>
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters, not a common password."
            error={fieldError ?? undefined}
          />
          <Field label="Repeat the new password" name="repeat" type="password" autoComplete="new-password" />
          <Button type="submit" block loading={fetching}>
            Set new password
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
