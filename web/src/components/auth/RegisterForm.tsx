import { type FormEvent, useRef, useState } from "react";
import { gql, useMutation } from "urql";
import { describeError, type FieldError, fieldErrorMap, focusFirstInvalid, looksLikeEmail } from "../../lib/errors";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

export const MIN_PASSWORD_LENGTH = 10;

type RegisterResult = {
  register:
    | { __typename: "RegisterSuccess"; data: { id: string; email: string } }
    | { __typename: "EmailTakenError"; message: string }
    | { __typename: "ValidationError"; message: string; fieldErrors: FieldError[] };
};

const RegisterFormRegister = gql<RegisterResult, { input: { name: string; email: string; password: string } }>`
  mutation RegisterForm_Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on RegisterSuccess {
        data {
          id
          email
        }
      }
      ... on EmailTakenError {
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
`;

type RegisterFormProps = {
  onRegistered: () => void;
  defaultEmail?: string | null | undefined;
  submitLabel?: string;
};

export function RegisterForm({ onRegistered, defaultEmail, submitLabel = "Create account" }: RegisterFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [{ fetching }, register] = useMutation(RegisterFormRegister);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");

    const errors: Record<string, string> = {};
    if (!name) errors.name = "Enter your name.";
    if (!email) errors.email = "Enter your email address.";
    else if (!looksLikeEmail(email)) errors.email = "Enter an email address like name@example.com.";
    if (password.length < MIN_PASSWORD_LENGTH) {
      errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`;
    }
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) return focusFirstInvalid(formRef.current);

    const result = await register({ input: { name, email, password } });
    const payload = result.data?.register;
    if (result.error || !payload) {
      return setFormError(result.error ? describeError(result.error) : "We couldn't create your account.");
    }

    switch (payload.__typename) {
      case "RegisterSuccess":
        return onRegistered();
      case "EmailTakenError":
        setFieldErrors({ email: payload.message });
        return focusFirstInvalid(formRef.current);
      case "ValidationError":
        setFieldErrors(fieldErrorMap(payload.fieldErrors));
        setFormError(payload.fieldErrors.length > 0 ? null : payload.message);
        return focusFirstInvalid(formRef.current);
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-label="Create account">
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
