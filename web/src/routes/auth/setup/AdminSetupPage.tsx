import { type FormEvent, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { AuthCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { i18n } from "../../../i18n/i18n";
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

const LINK_PROBLEMS: Record<Exclude<LinkInfo["state"], "VALID">, () => string> = {
  USED: () => i18n.t("auth:setup.problem.USED"),
  EXPIRED: () => i18n.t("auth:setup.problem.EXPIRED"),
  UNKNOWN: () => i18n.t("auth:setup.problem.UNKNOWN"),
};

/** The token is in the fragment (`/setup#token=…`), which browsers never send to a server. */
const tokenFromHash = () => new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";

export function AdminSetupPage() {
  const { t } = useTranslation("auth");
  const [token] = useState(tokenFromHash);
  const [{ data, fetching: loading, error }] = useQuery({
    query: AdminSetupPage_Link,
    variables: { token },
    pause: !token,
  });
  const form = useMutationForm(AdminSetupPage_Complete, (data) => data.completeAdminSetup, t("setup.failed"));
  const { fetching, fieldErrors, formError } = form;
  const link = data?.adminSetupLink;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const password = String(values.get("password") ?? "");
    if (form.reject(password === String(values.get("repeat") ?? "") ? {} : { password: t("reset.differ") })) return;
    const input: VariablesOf<typeof AdminSetupPage_Complete>["input"] = { token, password };
    if (!link?.email) input.email = String(values.get("email") ?? "");
    if (!link?.existingAccount) input.name = String(values.get("name") ?? "");
    // A full load, so every cached query sees the new admin's session; staff powers need a second factor,
    // so the account area takes the new admin straight to enrolment.
    if (await form.run({ input })) window.location.assign("/account");
  }

  const problem = !token
    ? LINK_PROBLEMS.UNKNOWN()
    : link && link.state !== "VALID"
      ? LINK_PROBLEMS[link.state]()
      : null;
  return (
    <AuthCard title={t("setup.title")}>
      {loading ? (
        <StatusBlock label={t("setup.checking")} />
      ) : error ? (
        <Alert tone="error">{describeError(error)}</Alert>
      ) : problem ? (
        <Alert tone="error" title={t("link.brokenTitle")}>
          {problem}
        </Alert>
      ) : (
        <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate>
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          {link?.email ? (
            <p>
              <Trans
                t={t}
                i18nKey={link.existingAccount ? "setup.makesAdminExisting" : "setup.makesAdmin"}
                values={{ email: link.email }}
                components={{ strong: <strong /> }}
              />
            </p>
          ) : (
            <Field label={t("email.label")} name="email" type="email" autoComplete="email" error={fieldErrors.email} />
          )}
          {link?.existingAccount ? null : (
            <Field label={t("setup.name")} name="name" autoComplete="name" error={fieldErrors.name} />
          )}
          <Field
            label={t("signIn.password")}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={t("reset.hint")}
            error={fieldErrors.password}
          />
          <Field label={t("setup.repeat")} name="repeat" type="password" autoComplete="new-password" />
          <Button type="submit" block loading={fetching}>
            {t("setup.submit")}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
