import type { FormEvent } from "react";
import { looksLikeEmail } from "../../lib/errors";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useMutationForm } from "../../lib/use-mutation-form";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

export const MIN_PASSWORD_LENGTH = 10;

const RegisterForm_Register = graphql(
  `
  mutation RegisterForm_Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on RegisterSuccess {
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

type RegisterFormProps = {
  onRegistered: () => void;
  defaultEmail?: string | null | undefined;
  submitLabel?: string;
};

export function RegisterForm({ onRegistered, defaultEmail, submitLabel = "Create account" }: RegisterFormProps) {
  const form = useMutationForm(RegisterForm_Register, (data) => data.register, "We couldn't create your account.", {
    fieldFor: (error) => (error.__typename === "EmailTakenError" ? "email" : null),
  });
  const { fetching, fieldErrors, formError } = form;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const name = String(values.get("name") ?? "").trim();
    const email = String(values.get("email") ?? "").trim();
    const password = String(values.get("password") ?? "");

    const errors: Record<string, string> = {};
    if (!name) errors.name = "Enter your name.";
    if (!email) errors.email = "Enter your email address.";
    else if (!looksLikeEmail(email)) errors.email = "Enter an email address like name@example.com.";
    if (password.length < MIN_PASSWORD_LENGTH) {
      errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`;
    }
    if (form.reject(errors)) return;

    if (await form.run({ input: { name, email, password } })) onRegistered();
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label="Create account">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label="Name" name="name" autoComplete="name" error={fieldErrors.name} required />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        defaultValue={defaultEmail ?? ""}
        error={fieldErrors.email}
        required
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={fieldErrors.password}
        required
      />
      <Button type="submit" block loading={fetching}>
        {fetching ? "Creating your account…" : submitLabel}
      </Button>
    </form>
  );
}
