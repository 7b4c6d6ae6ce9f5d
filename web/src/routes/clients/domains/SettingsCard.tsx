import type { TFunction } from "i18next";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { FormCard } from "../../../components/ui/FormCard";
import { formatDate } from "../../../lib/format";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { type DomainDetail, DomainPage_UpdateDomain } from "./domain-fields";

function readSettings(form: FormData) {
  const value = (name: string) => String(form.get(name) ?? "").trim();
  return {
    rootDomain: value("rootDomain").toLowerCase(),
    internalName: value("internalName"),
    logoUrl: value("logoUrl"),
    fallbackUri: value("fallbackUri"),
    serverIp: value("serverIp"),
  };
}

function validate(t: TFunction<"clients">, input: ReturnType<typeof readSettings>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.rootDomain) errors.rootDomain = t("domains.settings.missing");
  else if (/[/:\s]/.test(input.rootDomain)) errors.rootDomain = t("domains.create.hostOnly");
  for (const key of ["logoUrl", "fallbackUri"] as const) {
    if (input[key] && !/^https?:\/\//.test(input[key])) errors[key] = t("domains.settings.fullUrl");
  }
  return errors;
}

export function SettingsCard({ domain, allowed }: { domain: DomainDetail; allowed: boolean }) {
  const { t } = useTranslation("clients");
  const form = useMutationForm(DomainPage_UpdateDomain, (data) => data.updateDomain, t("domains.settings.failed"), {
    fieldFor: (error) => (error.__typename === "ConflictError" ? "rootDomain" : null),
  });
  const { fieldErrors } = form;
  const [saved, setSaved] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = readSettings(new FormData(event.currentTarget));
    setSaved(false);
    if (form.reject(validate(t, input))) return;
    if (await form.run({ input: { domainId: domain.id, ...input } })) setSaved(true);
  }

  return (
    <FormCard
      id="settings-title"
      title={t("domains.settings.title")}
      form={form}
      onSubmit={handleSubmit}
      notice={saved ? t("rename.saved") : null}
      disabled={!allowed}
      key={domain.updatedAt}
    >
      <div className="form-grid">
        <Field
          label={t("domains.domain")}
          name="rootDomain"
          defaultValue={domain.rootDomain}
          autoCapitalize="none"
          spellCheck={false}
          error={fieldErrors.rootDomain}
          required
        />
        <Field
          label={t("domains.settings.internalName")}
          name="internalName"
          defaultValue={domain.internalName ?? ""}
          error={fieldErrors.internalName}
        />
        <Field
          label={t("domains.settings.logo")}
          name="logoUrl"
          type="url"
          defaultValue={domain.logoUrl ?? ""}
          hint={t("create.nameHint")}
          error={fieldErrors.logoUrl}
        />
        <Field
          label={t("domains.settings.fallback")}
          name="fallbackUri"
          type="url"
          defaultValue={domain.fallbackUri ?? ""}
          hint={t("domains.settings.fallbackHint")}
          error={fieldErrors.fallbackUri}
        />
        <Field
          label={t("domains.settings.serverIp")}
          name="serverIp"
          defaultValue={domain.serverIp ?? ""}
          placeholder="203.0.113.4, 2001:db8::1"
          hint={t("domains.settings.serverIpHint")}
          error={fieldErrors.serverIp}
          className="field-wide"
        />
      </div>
      <div className="form-actions">
        <Button type="submit" loading={form.fetching}>
          {form.fetching ? t("domains.settings.saving") : t("domains.settings.submit")}
        </Button>
        <span className="fine-print">
          {t("domains.settings.dates", { added: formatDate(domain.createdAt), updated: formatDate(domain.updatedAt) })}
        </span>
      </div>
    </FormCard>
  );
}
