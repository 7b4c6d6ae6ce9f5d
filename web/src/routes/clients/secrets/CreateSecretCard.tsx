import type { FormEvent } from "react";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { FormCard } from "../../../components/ui/FormCard";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { missingPermissionReason } from "../shared";
import type { CreatedSecret } from "./SecretReveal";
import { SecretFields } from "./secret-fields";

const CreateSecretCard_CreateSecret = graphql(
  `
    mutation CreateSecretCard_CreateSecret($input: CreateClientSecretInput!) {
      createClientSecret(input: $input) {
        __typename
        ... on CreateClientSecretSuccess {
          data {
            value
            secret {
              ...SecretFields
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SecretFields, ErrorFields],
);

/** Reads the optional expiry day; an error message when it is not a future day. */
function parseExpiry(day: string): { expiresAt?: string; error?: string } {
  if (!day) return {};
  const date = new Date(`${day}T23:59:59`);
  if (Number.isNaN(date.getTime())) return { error: "Enter a valid date." };
  if (date.getTime() <= Date.now()) return { error: "Pick a date in the future." };
  return { expiresAt: date.toISOString() };
}

export function CreateSecretCard({
  clientId,
  allowed,
  domains,
  onCreated,
}: {
  clientId: string;
  allowed: boolean;
  domains: { id: string; rootDomain: string }[];
  onCreated: (created: CreatedSecret) => void;
}) {
  const form = useMutationForm(
    CreateSecretCard_CreateSecret,
    (data) => data.createClientSecret,
    "We couldn't create the secret.",
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const values = new FormData(formElement);
    const label = String(values.get("label") ?? "").trim();
    const domainIds = values.getAll("domainIds").map(String);
    const { expiresAt, error } = parseExpiry(String(values.get("expiresAt") ?? ""));
    if (form.reject(error ? { expiresAt: error } : {})) return;

    const success = await form.run({
      input: { clientId, domainIds, ...(label ? { label } : {}), ...(expiresAt ? { expiresAt } : {}) },
    });
    if (!success) return;
    formElement.reset();
    onCreated(success.data);
  }

  return (
    <FormCard
      id="create-secret-title"
      title="Create a secret"
      form={form}
      onSubmit={handleSubmit}
      reason={allowed ? null : missingPermissionReason("SECRETS_MANAGE")}
      disabled={!allowed}
    >
      <div className="form-grid">
        <Field
          label="Label"
          name="label"
          defaultValue="Standard Key"
          maxLength={100}
          hint="To tell your secrets apart."
          error={form.fieldErrors.label}
        />
        <Field
          label="Expires on (optional)"
          name="expiresAt"
          type="date"
          hint="Leave empty for a secret that does not expire."
          error={form.fieldErrors.expiresAt}
        />
      </div>
      <fieldset className="checkbox-list">
        <legend>Link to domains (optional)</legend>
        {domains.length === 0 ? (
          <p className="fine-print">No domains yet; you can link the secret later on a domain's page.</p>
        ) : (
          domains.map((domain) => (
            <label key={domain.id} className="checkbox-row">
              <input type="checkbox" name="domainIds" value={domain.id} defaultChecked={domains.length === 1} />
              <span>{domain.rootDomain}</span>
            </label>
          ))
        )}
        {form.fieldErrors.domainIds ? <p className="field-error">{form.fieldErrors.domainIds}</p> : null}
      </fieldset>
      <div className="form-actions">
        <Button type="submit" loading={form.fetching}>
          {form.fetching ? "Creating…" : "Create secret"}
        </Button>
      </div>
    </FormCard>
  );
}
