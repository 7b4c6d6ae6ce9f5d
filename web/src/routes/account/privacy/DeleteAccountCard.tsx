import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { IdentityProofFields, useProofToSend } from "../../../components/account/IdentityProofFields";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { QueryState } from "../../../components/ui/QueryState";
import { SectionCard } from "../../../components/ui/SectionCard";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { IdentityProofWays, proofWaysOf } from "../../../lib/use-passkey-proof";

const DeleteAccountCard_Plan = graphql(
  `
  query DeleteAccountCard_Plan {
    viewer {
      id
      ...IdentityProofWays
      deletionPlan {
        graceDays
        apps {
          id
          name
        }
        soleOwnerOf {
          id
          name
        }
      }
    }
  }
`,
  [IdentityProofWays],
);

const DeleteAccountCard_Delete = graphql(
  `
    mutation DeleteAccountCard_Delete($input: RequestAccountDeletionInput!) {
      requestAccountDeletion(input: $input) {
        __typename
        ... on RequestAccountDeletionSuccess {
          data {
            purgeAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** "Delete your account": names the apps that will be told and what blocks it, then asks for proof it is them. */
export function DeleteAccountCard() {
  const { t } = useTranslation(["account", "common"]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DeleteAccountCard_Plan,
    requestPolicy: "network-only",
  });
  const form = useMutationForm(
    DeleteAccountCard_Delete,
    (result) => result.requestAccountDeletion,
    t("delete.failed"),
    { fieldFor: (problem) => (problem.__typename === "WrongPasswordError" ? "currentPassword" : null) },
  );
  const { values, setValues, text } = useFormValues(() => ({ currentPassword: "", code: "" }), {
    errors: form.fieldErrors,
  });
  const plan = data?.viewer?.deletionPlan;
  // An account made by a passkey or a provider's sign-in has no password: a passkey or a code confirms.
  const ways = proofWaysOf(data?.viewer);
  const proofToSend = useProofToSend(ways, t("delete.failed"));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const proof = await proofToSend(form, values, {}, t("delete.passwordMissing"));
    if (!proof) return;
    const success = await form.run({ input: proof });
    setValues({ currentPassword: "", code: "" });
    // Every session has ended: a full page load leaves nothing of the account in memory.
    if (success) window.location.assign(`/account-deleted?on=${success.data.purgeAt.slice(0, 10)}`);
  }

  return (
    <SectionCard
      id="delete-title"
      title={t("delete.title")}
      description={plan ? t("delete.description", { days: plan.graceDays }) : t("delete.descriptionLoading")}
    >
      <QueryState
        result={{ data, fetching, error }}
        failedTitle={t("delete.loadFailed")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      />
      {plan ? (
        <div className="stack">
          <h3 className="privacy-subheading">{t("delete.appsTitle")}</h3>
          {plan.apps.length ? (
            <ul className="plain-list privacy-apps">
              {plan.apps.map((app) => (
                <li key={app.id} className="plain-row">
                  {app.name}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("delete.noApps")}</p>
          )}
          {plan.apps.length ? <p className="muted">{t("delete.appsMessage")}</p> : null}
          {plan.soleOwnerOf.length ? (
            <Alert tone="warning" title={t("delete.soleOwnerTitle")}>
              {t("delete.soleOwnerBefore")}{" "}
              {plan.soleOwnerOf.map((client, index) => (
                <span key={client.id}>
                  {index ? ", " : ""}
                  <Link to={`/clients/${client.id}`}>{client.name}</Link>
                </span>
              ))}
              {t("delete.soleOwnerAfter")}
            </Alert>
          ) : (
            <form ref={form.formRef} className="form" noValidate onSubmit={handleSubmit}>
              <fieldset className="plain-fieldset" disabled={form.fetching}>
                <IdentityProofFields
                  ways={ways}
                  currentPassword={text("currentPassword")}
                  code={text("code")}
                  passwordHint={t("delete.passwordHint")}
                />
              </fieldset>
              {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
              <div className="form-actions">
                <Button type="submit" variant="danger" loading={form.fetching}>
                  {ways.hasPassword || !ways.passkey || values.code.trim()
                    ? t("delete.submit")
                    : t("delete.submitWithPasskey")}
                </Button>
              </div>
            </form>
          )}
        </div>
      ) : null}
    </SectionCard>
  );
}
