import { looksLikeEmail } from "../../lib/errors";
import { graphql } from "../../lib/graphql";
import { Field } from "../ui/Field";

/** What signing in and registering answer: the account now holding the session. */
export const SessionAccountFields = graphql(`
  fragment SessionAccountFields on User {
    id
    email
  }
`);

/** Why an e-mail typed into a sign-in or register form cannot be sent, or null when it can. */
export function emailProblem(email: string): string | null {
  if (!email) return "Enter your email address.";
  return looksLikeEmail(email) ? null : "Enter an email address like name@example.com.";
}

/** The e-mail input of the sign-in and register forms, prefilled when the hosted page knows the address. */
export function EmailField({
  autoComplete,
  defaultEmail,
  error,
}: {
  autoComplete: "email" | "username";
  defaultEmail: string | null | undefined;
  error: string | undefined;
}) {
  return (
    <Field
      label="Email"
      name="email"
      type="email"
      autoComplete={autoComplete}
      inputMode="email"
      defaultValue={defaultEmail ?? ""}
      error={error}
      required
    />
  );
}
