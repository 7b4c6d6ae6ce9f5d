import type { FormEvent } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";

const DeleteAccountCard_Plan = graphql(`
  query DeleteAccountCard_Plan {
    viewer {
      id
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
`);

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

/** "Delete your account": names the apps that will be told and what blocks it, then asks for the password. */
export function DeleteAccountCard() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DeleteAccountCard_Plan,
    requestPolicy: "network-only",
  });
  const form = useMutationForm(
    DeleteAccountCard_Delete,
    (result) => result.requestAccountDeletion,
    "We couldn't schedule the deletion.",
    { fieldFor: (problem) => (problem.__typename === "WrongPasswordError" ? "currentPassword" : null) },
  );
  const { values, set, text } = useFormValues(() => ({ currentPassword: "" }), { errors: form.fieldErrors });
  const plan = data?.viewer?.deletionPlan;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.reject(values.currentPassword ? {} : { currentPassword: "Enter your current password." })) return;
    const success = await form.run({ input: { currentPassword: values.currentPassword } });
    set("currentPassword", "");
    // Every session has ended: a full page load leaves nothing of the account in memory.
    if (success) window.location.assign(`/account-deleted?on=${success.data.purgeAt.slice(0, 10)}`);
  }

  return (
    <SectionCard
      id="delete-title"
      title="Delete your account"
      description={
        plan
          ? `You are signed out everywhere at once. After ${plan.graceDays} days your account and everything it holds are deleted; signing in before then cancels it.`
          : "You are signed out everywhere at once; signing in again within the grace period cancels it."
      }
    >
      {fetching && !data ? <StatusBlock label="Loading…" /> : null}
      {error && !data ? (
        <LoadFailed
          title="We couldn't load what deleting would do."
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      ) : null}
      {plan ? (
        <div className="stack">
          <h3 className="privacy-subheading">Apps that will be told</h3>
          {plan.apps.length ? (
            <ul className="plain-list privacy-apps">
              {plan.apps.map((app) => (
                <li key={app.id} className="plain-row">
                  {app.name}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">You have not signed in to any app with Gatehouse, so no app needs to be told.</p>
          )}
          {plan.apps.length ? (
            <p className="muted">Each receives a signed "user.deleted" message and can no longer read your data.</p>
          ) : null}
          {plan.soleOwnerOf.length ? (
            <Alert tone="warning" title="First hand over or delete your clients">
              You are the only Owner of{" "}
              {plan.soleOwnerOf.map((client, index) => (
                <span key={client.id}>
                  {index ? ", " : ""}
                  <Link to={`/clients/${client.id}`}>{client.name}</Link>
                </span>
              ))}
              . Make another member an Owner of each, or delete them; then you can delete your account.
            </Alert>
          ) : (
            <form ref={form.formRef} className="form" noValidate onSubmit={handleSubmit}>
              <fieldset className="plain-fieldset" disabled={form.fetching}>
                <Field
                  label="Your current password"
                  {...text("currentPassword")}
                  type="password"
                  autoComplete="current-password"
                  hint="Deleting your account needs your password."
                />
              </fieldset>
              {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
              <div className="form-actions">
                <Button type="submit" variant="danger" loading={form.fetching}>
                  Delete my account
                </Button>
              </div>
            </form>
          )}
        </div>
      ) : null}
    </SectionCard>
  );
}
