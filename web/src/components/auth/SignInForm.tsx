import type { FormEvent } from "react";
import { looksLikeEmail } from "../../lib/errors";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useMutationForm } from "../../lib/use-mutation-form";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

const SignInForm_SignIn = graphql(
  `
  mutation SignInForm_SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInSuccess {
        data {
          id
          email
        }
      }
      ...ErrorFields
    }
  }
`,
  [ErrorFields],
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
    if (!email) errors.email = "Enter your email address.";
    else if (!looksLikeEmail(email)) errors.email = "Enter an email address like name@example.com.";
    if (!password) errors.password = "Enter your password.";
    if (form.reject(errors)) return;

    if (await form.run({ input: { email, password } })) onSignedIn();
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label="Sign in">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        defaultValue={defaultEmail ?? ""}
        error={fieldErrors.email}
        required
      />
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
