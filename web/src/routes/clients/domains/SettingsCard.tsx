import { type FormEvent, useState } from "react";
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

function validate(input: ReturnType<typeof readSettings>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.rootDomain) errors.rootDomain = "Enter the domain.";
  else if (/[/:\s]/.test(input.rootDomain)) errors.rootDomain = "Host name only, without https://, a path or a port.";
  for (const key of ["logoUrl", "fallbackUri"] as const) {
    if (input[key] && !/^https?:\/\//.test(input[key])) errors[key] = "Enter a full URL starting with https://.";
  }
  return errors;
}

export function SettingsCard({ domain, allowed }: { domain: DomainDetail; allowed: boolean }) {
  const form = useMutationForm(DomainPage_UpdateDomain, (data) => data.updateDomain, "We couldn't save the domain.", {
    fieldFor: (error) => (error.__typename === "ConflictError" ? "rootDomain" : null),
  });
  const { fieldErrors } = form;
  const [saved, setSaved] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = readSettings(new FormData(event.currentTarget));
    setSaved(false);
    if (form.reject(validate(input))) return;
    if (await form.run({ input: { domainId: domain.id, ...input } })) setSaved(true);
  }

  return (
    <FormCard
      id="settings-title"
      title="Settings"
      form={form}
      onSubmit={handleSubmit}
      notice={saved ? "Saved." : null}
      disabled={!allowed}
      key={domain.updatedAt}
    >
      <div className="form-grid">
        <Field
          label="Domain"
          name="rootDomain"
          defaultValue={domain.rootDomain}
          autoCapitalize="none"
          spellCheck={false}
          error={fieldErrors.rootDomain}
          required
        />
        <Field
          label="Internal name"
          name="internalName"
          defaultValue={domain.internalName ?? ""}
          error={fieldErrors.internalName}
        />
        <Field
          label="Logo URL"
          name="logoUrl"
          type="url"
          defaultValue={domain.logoUrl ?? ""}
          hint="Shown on the login and consent pages."
          error={fieldErrors.logoUrl}
        />
        <Field
          label="Fallback URI"
          name="fallbackUri"
          type="url"
          defaultValue={domain.fallbackUri ?? ""}
          hint="Where people go when a login fails or is declined. Empty: back to your redirect URL, with the reason."
          error={fieldErrors.fallbackUri}
        />
        <Field
          label="Server IP addresses"
          name="serverIp"
          defaultValue={domain.serverIp ?? ""}
          placeholder="203.0.113.4, 2001:db8::1"
          hint="Comma-separated. Only these may call the API; empty allows any."
          error={fieldErrors.serverIp}
          className="field-wide"
        />
      </div>
      <div className="form-actions">
        <Button type="submit" loading={form.fetching}>
          {form.fetching ? "Saving…" : "Save settings"}
        </Button>
        <span className="fine-print">
          Added {formatDate(domain.createdAt)} · updated {formatDate(domain.updatedAt)}
        </span>
      </div>
    </FormCard>
  );
}
