import type { FormEvent } from "react";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useMutationForm } from "../../lib/use-mutation-form";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { EmailField, emailProblem, SessionAccountFields } from "./auth-fields";

export const MIN_PASSWORD_LENGTH = 10;

const RegisterForm_Register = graphql(
  `
  mutation RegisterForm_Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on RegisterSuccess {
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
    const badEmail = emailProblem(email);
    if (badEmail) errors.email = badEmail;
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
      <EmailField autoComplete="email" defaultEmail={defaultEmail} error={fieldErrors.email} />
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
