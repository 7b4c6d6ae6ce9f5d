import type { FormEvent } from "react";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useMutationForm } from "../../lib/use-mutation-form";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { EmailField, emailProblem, SessionAccountFields } from "./auth-fields";

const SignInForm_SignIn = graphql(
  `
  mutation SignInForm_SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInSuccess {
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

type SignInFormProps = {
  onSignedIn: () => void;
  defaultEmail?: string | null | undefined;
  submitLabel?: string;
};

export function SignInForm({ onSignedIn, defaultEmail, submitLabel = "Sign in" }: SignInFormProps) {
  const form = useMutationForm(SignInForm_SignIn, (data) => data.signIn, "Sign-in failed.");
  const { fetching, fieldErrors, formError } = form;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const email = String(values.get("email") ?? "").trim();
    const password = String(values.get("password") ?? "");

    const errors: Record<string, string> = {};
    const badEmail = emailProblem(email);
    if (badEmail) errors.email = badEmail;
    if (!password) errors.password = "Enter your password.";
    if (form.reject(errors)) return;

    if (await form.run({ input: { email, password } })) onSignedIn();
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label="Sign in">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <EmailField autoComplete="username" defaultEmail={defaultEmail} error={fieldErrors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.password}
        required
      />
      <Button type="submit" block loading={fetching}>
        {fetching ? "Signing in…" : submitLabel}
      </Button>
    </form>
  );
}
