import type { TFunction } from "i18next";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
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
function parseExpiry(t: TFunction<"clients">, day: string): { expiresAt?: string; error?: string } {
  if (!day) return {};
  const date = new Date(`${day}T23:59:59`);
  if (Number.isNaN(date.getTime())) return { error: t("secrets.create.invalidDate") };
  if (date.getTime() <= Date.now()) return { error: t("secrets.create.pastDate") };
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
  const { t } = useTranslation("clients");
  const form = useMutationForm(
    CreateSecretCard_CreateSecret,
    (data) => data.createClientSecret,
    t("secrets.create.failed"),
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const values = new FormData(formElement);
    const label = String(values.get("label") ?? "").trim();
    const domainIds = values.getAll("domainIds").map(String);
    const { expiresAt, error } = parseExpiry(t, String(values.get("expiresAt") ?? ""));
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
      title={t("secrets.create.title")}
      form={form}
      onSubmit={handleSubmit}
      reason={allowed ? null : missingPermissionReason("SECRETS_MANAGE")}
      disabled={!allowed}
    >
      <div className="form-grid">
        <Field
          label={t("secrets.create.label")}
          name="label"
          defaultValue="Standard Key"
          maxLength={100}
          hint={t("secrets.create.labelHint")}
          error={form.fieldErrors.label}
        />
        <Field
          label={t("secrets.create.expires")}
          name="expiresAt"
          type="date"
          hint={t("secrets.create.expiresHint")}
          error={form.fieldErrors.expiresAt}
        />
      </div>
      <fieldset className="checkbox-list">
        <legend>{t("secrets.create.domains")}</legend>
        {domains.length === 0 ? (
          <p className="fine-print">{t("secrets.create.noDomains")}</p>
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
          {form.fetching ? t("create.creating") : t("secrets.create.submit")}
        </Button>
      </div>
    </FormCard>
  );
}
