import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { AuthCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError } from "../../../lib/errors";
import { ErrorFields, graphql, type ResultOf, type VariablesOf } from "../../../lib/graphql";
import { useMutationForm } from "../../../lib/use-mutation-form";

const AdminSetupPage_Link = graphql(`
  query AdminSetupPage_Link($token: String!) {
    adminSetupLink(token: $token) {
      state
      email
      existingAccount
    }
  }
`);

type LinkInfo = ResultOf<typeof AdminSetupPage_Link>["adminSetupLink"];

const AdminSetupPage_Complete = graphql(
  `
    mutation AdminSetupPage_Complete($input: CompleteAdminSetupInput!) {
      completeAdminSetup(input: $input) {
        __typename
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const LINK_PROBLEMS: Record<Exclude<LinkInfo["state"], "VALID">, string> = {
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
  const form = useMutationForm(AdminSetupPage_Complete, (data) => data.completeAdminSetup, "Setup failed.");
  const { fetching, fieldErrors, formError } = form;
  const link = data?.adminSetupLink;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const password = String(values.get("password") ?? "");
    if (form.reject(password === String(values.get("repeat") ?? "") ? {} : { password: "The two passwords differ." }))
      return;
    const input: VariablesOf<typeof AdminSetupPage_Complete>["input"] = { token, password };
    if (!link?.email) input.email = String(values.get("email") ?? "");
    if (!link?.existingAccount) input.name = String(values.get("name") ?? "");
    // A full load, so every cached query sees the new admin's session.
    if (await form.run({ input })) window.location.assign("/clients");
  }

  const problem = !token ? LINK_PROBLEMS.UNKNOWN : link && link.state !== "VALID" ? LINK_PROBLEMS[link.state] : null;
  return (
    <AuthCard title="Create the platform admin">
      {loading ? (
        <StatusBlock label="Checking the setup link…" />
      ) : error ? (
        <Alert tone="error">{describeError(error)}</Alert>
      ) : problem ? (
        <Alert tone="error" title="This link does not work">
          {problem}
        </Alert>
      ) : (
        <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate>
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
    </AuthCard>
  );
}
