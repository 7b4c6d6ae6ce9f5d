import type { FormEvent } from "react";
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
  const navigate = useNavigate();
  const form = useMutationForm(
    CreateDomainCard_CreateDomain,
    (data) => data.createDomain,
    "We couldn't add the domain.",
    {
      fieldFor: (error) => (error.__typename === "ConflictError" ? "rootDomain" : null),
    },
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const rootDomain = String(values.get("rootDomain") ?? "")
      .trim()
      .toLowerCase();
    const internalName = String(values.get("internalName") ?? "").trim();
    const errors: Record<string, string> = {};
    if (!rootDomain) errors.rootDomain = "Enter the domain, e.g. example.com.";
    else if (/[/:\s]/.test(rootDomain))
      errors.rootDomain = "Enter the host name only, without https://, a path or a port.";
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
      title="Add a domain"
      form={form}
      onSubmit={handleSubmit}
      reason={allowed ? null : missingPermissionReason("DOMAINS_MANAGE")}
      disabled={!allowed}
    >
      <div className="form-grid">
        <Field
          label="Domain"
          name="rootDomain"
          placeholder="example.com"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          hint="Host name only. Subdomains are covered too."
          error={form.fieldErrors.rootDomain}
          required
        />
        <Field
          label="Internal name (optional)"
          name="internalName"
          autoComplete="off"
          hint="Only your team sees it."
          error={form.fieldErrors.internalName}
        />
      </div>
      <div className="toggle-grid">
        <Toggle name="allowLogin" label="Allow login" defaultChecked hint="People can sign in from this domain." />
        <Toggle
          name="allowApi"
          label="Allow API"
          hint="Off until you turn it on: your server can then read people's data for this domain."
        />
        <Toggle name="primary" label="Primary domain" hint="Shown on the login page." />
        <Toggle name="testMode" label="Test mode" hint="Only test users can sign in." />
      </div>
      <div className="form-actions">
        <Button type="submit" loading={form.fetching}>
          {form.fetching ? "Adding…" : "Add domain"}
        </Button>
      </div>
    </FormCard>
  );
}
