import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { FormCard } from "../../../components/ui/FormCard";
import { Toggle } from "../../../components/ui/Toggle";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { missingPermissionReason } from "../shared";

const CreateDomainCard_CreateDomain = graphql(
  `
    mutation CreateDomainCard_CreateDomain($input: CreateDomainInput!) {
      createDomain(input: $input) {
        __typename
        ... on CreateDomainSuccess {
          data {
            id
            rootDomain
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function CreateDomainCard({ clientId, allowed }: { clientId: string; allowed: boolean }) {
  const { t } = useTranslation("clients");
  const navigate = useNavigate();
  const form = useMutationForm(CreateDomainCard_CreateDomain, (data) => data.createDomain, t("domains.create.failed"), {
    fieldFor: (error) => (error.__typename === "ConflictError" ? "rootDomain" : null),
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const rootDomain = String(values.get("rootDomain") ?? "")
      .trim()
      .toLowerCase();
    const internalName = String(values.get("internalName") ?? "").trim();
    const errors: Record<string, string> = {};
    if (!rootDomain) errors.rootDomain = t("domains.create.missing");
    else if (/[/:\s]/.test(rootDomain)) errors.rootDomain = t("domains.create.hostOnly");
    if (form.reject(errors)) return;

    const success = await form.run({
      input: {
        clientId,
        rootDomain,
        ...(internalName ? { internalName } : {}),
        allowLogin: values.get("allowLogin") === "on",
        allowApi: values.get("allowApi") === "on",
        primary: values.get("primary") === "on",
        testMode: values.get("testMode") === "on",
      },
    });
    if (success) navigate(`/clients/${clientId}/domains/${success.data.id}`);
  }

  return (
    <FormCard
      id="add-domain-title"
      title={t("domains.create.title")}
      form={form}
      onSubmit={handleSubmit}
      reason={allowed ? null : missingPermissionReason("DOMAINS_MANAGE")}
      disabled={!allowed}
    >
      <div className="form-grid">
        <Field
          label={t("domains.domain")}
          name="rootDomain"
          placeholder="example.com"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          hint={t("domains.create.domainHint")}
          error={form.fieldErrors.rootDomain}
          required
        />
        <Field
          label={t("domains.create.internalName")}
          name="internalName"
          autoComplete="off"
          hint={t("domains.create.internalNameHint")}
          error={form.fieldErrors.internalName}
        />
      </div>
      <div className="toggle-grid">
        <Toggle
          name="allowLogin"
          label={t("domains.flags.allowLogin.label")}
          defaultChecked
          hint={t("domains.flags.allowLoginHint")}
        />
        <Toggle name="allowApi" label={t("domains.flags.allowApi.label")} hint={t("domains.flags.allowApiHint")} />
        <Toggle name="primary" label={t("domains.flags.primaryDomain")} hint={t("domains.flags.primaryHint")} />
        <Toggle name="testMode" label={t("domains.testMode")} hint={t("domains.flags.testModeHint")} />
      </div>
      <div className="form-actions">
        <Button type="submit" loading={form.fetching}>
          {form.fetching ? t("domains.create.adding") : t("domains.create.submit")}
        </Button>
      </div>
    </FormCard>
  );
}
