import { type FormEvent, useRef, useState } from "react";
import { gql, useMutation } from "urql";
import { describeError, type FieldError, fieldErrorMap, focusFirstInvalid, looksLikeEmail } from "../../lib/errors";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

type SignInResult = {
  signIn:
    | { __typename: "SignInSuccess"; data: { id: string; email: string } }
    | { __typename: "InvalidCredentialsError"; message: string }
    | { __typename: "ValidationError"; message: string; fieldErrors: FieldError[] };
};

const SignInFormSignIn = gql<SignInResult, { input: { email: string; password: string } }>`
  mutation SignInForm_SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInSuccess {
        data {
          id
          email
        }
      }
      ... on InvalidCredentialsError {
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

type SignInFormProps = {
  onSignedIn: () => void;
  defaultEmail?: string | null | undefined;
  submitLabel?: string;
};

export function SignInForm({ onSignedIn, defaultEmail, submitLabel = "Sign in" }: SignInFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [{ fetching }, signIn] = useMutation(SignInFormSignIn);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");

    const errors: Record<string, string> = {};
    if (!email) errors.email = "Enter your email address.";
    else if (!looksLikeEmail(email)) errors.email = "Enter an email address like name@example.com.";
    if (!password) errors.password = "Enter your password.";
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) return focusFirstInvalid(formRef.current);

    const result = await signIn({ input: { email, password } });
    const payload = result.data?.signIn;
    if (result.error || !payload) return setFormError(result.error ? describeError(result.error) : "Sign-in failed.");

    switch (payload.__typename) {
      case "SignInSuccess":
        return onSignedIn();
      case "InvalidCredentialsError":
        return setFormError(payload.message);
      case "ValidationError":
        setFieldErrors(fieldErrorMap(payload.fieldErrors));
        setFormError(payload.fieldErrors.length > 0 ? null : payload.message);
        return focusFirstInvalid(formRef.current);
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-label="Sign in">
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
