import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { AuthShell } from "../../../components/layout/AuthShell";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError } from "../../../lib/errors";
import { graphql } from "../../../lib/graphql";

type LinkState = "VALID" | "USED" | "EXPIRED" | "UNKNOWN";

const AdminSetupPage_Link = graphql(`
  query AdminSetupPage_Link($token: String!) {
    adminSetupLink(token: $token) {
      state
      email
      existingAccount
    }
  }
`);

type SetupInput = { token: string; email?: string; name?: string; password: string };

const AdminSetupPage_Complete = graphql(`
  mutation AdminSetupPage_Complete($input: CompleteAdminSetupInput!) {
    completeAdminSetup(input: $input) {
      __typename
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          field
          message
        }
      }
    }
  }
`);

const LINK_PROBLEMS: Record<Exclude<LinkState, "VALID">, string> = {
  USED: "This setup link has already been used. Sign in instead.",
  EXPIRED: "This setup link has expired. Run `pnpm gatehouse admin create --email …` on the server for a new one.",
  UNKNOWN: "This setup link is not valid. Check that you copied all of it.",
};

/** The token is in the fragment (`/setup#token=…`), which browsers never send to a server. */
const tokenFromHash = () => new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";

export function AdminSetupPage() {
  const [token] = useState(tokenFromHash);
  const [{ data, fetching: loading, error }] = useQuery({
    query: AdminSetupPage_Link,
    variables: { token },
    pause: !token,
  });
  const [{ fetching }, complete] = useMutation(AdminSetupPage_Complete);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const link = data?.adminSetupLink;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("repeat") ?? "")) return setFieldErrors({ password: "The two passwords differ." });
    setFieldErrors({});
    setFormError(null);
    const input: SetupInput = { token, password };
    if (!link?.email) input.email = String(form.get("email") ?? "");
    if (!link?.existingAccount) input.name = String(form.get("name") ?? "");
    const result = await complete({ input });
    const answer = result.data?.completeAdminSetup;
    if (result.error || !answer) return setFormError(result.error ? describeError(result.error) : "Setup failed.");
    if (answer.__typename === "CompleteAdminSetupSuccess") {
      // A full load, so every cached query sees the new admin's session.
      window.location.assign("/clients");
      return;
    }
    if (answer.__typename === "ValidationError") {
      return setFieldErrors(Object.fromEntries(answer.fieldErrors.map((e) => [e.field, e.message])));
    }
    setFormError(answer.message);
  }

  const problem = !token ? LINK_PROBLEMS.UNKNOWN : link && link.state !== "VALID" ? LINK_PROBLEMS[link.state] : null;
  return (
    <AuthShell>
      <title>Set up Gatehouse · Gatehouse</title>
      <Card aria-labelledby="setup-title">
        <CardHeader id="setup-title" title="Create the platform admin" />
        {loading ? (
          <StatusBlock label="Checking the setup link…" />
        ) : error ? (
          <Alert tone="error">{describeError(error)}</Alert>
        ) : problem ? (
          <Alert tone="error" title="This link does not work">
            {problem}
          </Alert>
        ) : (
          <form className="form" onSubmit={handleSubmit} noValidate>
            {formError ? <Alert tone="error">{formError}</Alert> : null}
            {link?.email ? (
              <p>
                This link makes <strong>{link.email}</strong> a platform admin
                {link.existingAccount ? " and sets a new password for it." : "."}
              </p>
            ) : (
              <Field label="E-mail" name="email" type="email" autoComplete="email" error={fieldErrors.email} />
            )}
            {link?.existingAccount ? null : (
              <Field label="Name" name="name" autoComplete="name" error={fieldErrors.name} />
            )}
            <Field
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="At least 10 characters, not a common password."
              error={fieldErrors.password}
            />
            <Field label="Repeat the password" name="repeat" type="password" autoComplete="new-password" />
            <Button type="submit" block loading={fetching}>
              Create admin and sign in
            </Button>
          </form>
        )}
      </Card>
    </AuthShell>
  );
}
