import { useTranslation } from "react-i18next";
import { i18n } from "../../i18n/i18n";
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
  if (!email) return i18n.t("auth:email.missing");
  return looksLikeEmail(email) ? null : i18n.t("auth:email.invalid");
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
  const { t } = useTranslation("auth");
  return (
    <Field
      label={t("email.label")}
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
