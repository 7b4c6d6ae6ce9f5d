import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { SectionCard } from "../../../components/ui/SectionCard";
import { endOfDayIso, todayInput } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { ApiTokenFields } from "./token-fields";

const CreateTokenCard_Create = graphql(
  `
    mutation CreateTokenCard_Create($input: CreateApiTokenInput!) {
      createApiToken(input: $input) {
        __typename
        ... on CreateApiTokenSuccess {
          data {
            value
            token {
              ...ApiTokenFields
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ApiTokenFields, ErrorFields],
);

export function CreateTokenCard({ onCreated }: { onCreated: (value: string, label: string) => void }) {
  const { t } = useTranslation("account");
  const form = useMutationForm(CreateTokenCard_Create, (data) => data.createApiToken, t("tokens.createFailed"));
  const empty = { label: "", expiresAt: "", currentPassword: "" };
  const { values, setValues, set, text } = useFormValues(() => empty, { errors: form.fieldErrors });
  const { label, expiresAt: expiresOn, currentPassword } = values;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = t("tokens.errors.label");
    else if (label.trim().length > 100) found.label = t("tokens.errors.labelLong");
    if (expiresOn && expiresOn <= todayInput()) found.expiresAt = t("tokens.errors.expiresPast");
    else if (expiresOn && expiresOn > todayInput(365)) found.expiresAt = t("tokens.errors.expiresFar");
    if (!currentPassword) found.currentPassword = t("tokens.errors.password");
    if (form.reject(found)) return;

    const success = await form.run({
      input: { label: label.trim(), currentPassword, expiresAt: expiresOn ? endOfDayIso(expiresOn) : null },
    });
    set("currentPassword", "");
    if (!success) return;
    setValues(empty);
    onCreated(success.data.value, success.data.token.label);
  }

  return (
    <SectionCard id="token-create-title" title={t("tokens.createTitle")} description={t("tokens.createDescription")}>
      <form ref={form.formRef} className="form" noValidate onSubmit={handleSubmit}>
        <fieldset className="plain-fieldset" disabled={form.fetching}>
          <div className="form-grid">
            <Field label={t("tokens.label")} {...text("label")} placeholder={t("tokens.labelPlaceholder")} />
            <Field
              label={t("tokens.expiresOn")}
              {...text("expiresAt")}
              type="date"
              min={todayInput(1)}
              max={todayInput(365)}
              hint={t("tokens.expiresHint")}
            />
            <Field
              label={t("tokens.password")}
              {...text("currentPassword")}
              type="password"
              autoComplete="current-password"
              hint={t("tokens.passwordHint")}
            />
          </div>
        </fieldset>
        {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
        <div className="form-actions">
          <Button type="submit" loading={form.fetching}>
            {t("tokens.create")}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}
