import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { CopyField } from "../../../components/ui/CopyButton";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { Toggle } from "../../../components/ui/Toggle";
import { describeError, focusFirstInvalid } from "../../../lib/errors";
import {
  can,
  ERROR_FIELDS,
  type MutationError,
  missingPermissionReason,
  type Payload,
  splitMutationError,
  useClientDashboard,
} from "../shared";

type ListedDomain = {
  id: string;
  rootDomain: string;
  internalName: string | null;
  publicId: string;
  primary: boolean;
  active: boolean;
  allowLogin: boolean;
  allowApi: boolean;
  testMode: boolean;
};

const DomainsPageDomains = gql<{ client: { id: string; domains: ListedDomain[] } | null }, { id: string }>`
  query DomainsPage_Domains($id: ID!) {
    client(id: $id) {
      id
      domains {
        id
        rootDomain
        internalName
        publicId
        primary
        active
        allowLogin
        allowApi
        testMode
      }
    }
  }
`;

type CreateDomainInput = {
  clientId: string;
  rootDomain: string;
  internalName?: string;
  allowLogin: boolean;
  allowApi: boolean;
  primary: boolean;
  testMode: boolean;
};

const DomainsPageCreateDomain = gql<
  { createDomain: Payload<"CreateDomainSuccess", { id: string; rootDomain: string }> },
  { input: CreateDomainInput }
>`
  mutation DomainsPage_CreateDomain($input: CreateDomainInput!) {
    createDomain(input: $input) {
      __typename
      ... on CreateDomainSuccess {
        data {
          id
          rootDomain
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

export function DomainsPage() {
  const { client } = useClientDashboard();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DomainsPageDomains,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const domains = data?.client?.domains ?? [];

  return (
    <div className="stack">
      <Card aria-labelledby="domains-title">
        <h2 id="domains-title">Domains</h2>
        <p className="muted">The sites your app runs on. Each has a domain ID your app sends with its API calls.</p>
        {!data && fetching ? (
          <StatusBlock label="Loading domains…" />
        ) : error && !data ? (
          <div className="stack-sm">
            <Alert tone="error" title="We couldn't load the domains">
              {describeError(error)}
            </Alert>
            <div>
              <Button variant="secondary" onClick={() => reexecute({ requestPolicy: "network-only" })}>
                Try again
              </Button>
            </div>
          </div>
        ) : domains.length === 0 ? (
          <EmptyState title="No domains yet">Add the domain your app runs on below.</EmptyState>
        ) : (
          <Table caption="Domains">
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Domain ID</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {domains.map((domain) => (
                <tr key={domain.id}>
                  <td data-label="Domain">
                    <span className="stack-sm" style={{ gap: 0 }}>
                      <Link to={`/clients/${client.id}/domains/${domain.id}`}>
                        <strong>{domain.rootDomain}</strong>
                      </Link>
                      {domain.internalName ? <span className="muted">{domain.internalName}</span> : null}
                    </span>
                  </td>
                  <td data-label="Domain ID">
                    <CopyField value={domain.publicId} label={`Copy domain ID of ${domain.rootDomain}`} />
                  </td>
                  <td data-label="Status">
                    <span className="kv-inline">
                      {domain.primary ? <Badge tone="info">Primary</Badge> : null}
                      <Badge tone={domain.active ? "success" : "neutral"}>
                        {domain.active ? "Active" : "Inactive"}
                      </Badge>
                      {domain.allowLogin ? <Badge tone="success">Login</Badge> : null}
                      {domain.allowApi ? <Badge tone="success">API</Badge> : null}
                      {domain.testMode ? <Badge tone="warning">Test mode</Badge> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CreateDomainCard clientId={client.id} allowed={can(client, "DOMAINS_MANAGE")} />
    </div>
  );
}

function CreateDomainCard({ clientId, allowed }: { clientId: string; allowed: boolean }) {
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [{ fetching }, createDomain] = useMutation(DomainsPageCreateDomain);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rootDomain = String(form.get("rootDomain") ?? "")
      .trim()
      .toLowerCase();
    const internalName = String(form.get("internalName") ?? "").trim();
    setFormError(null);
    const errors: Record<string, string> = {};
    if (!rootDomain) errors.rootDomain = "Enter the domain, e.g. example.com.";
    else if (/[/:\s]/.test(rootDomain))
      errors.rootDomain = "Enter the host name only, without https://, a path or a port.";
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return focusFirstInvalid(formRef.current);

    const result = await createDomain({
      input: {
        clientId,
        rootDomain,
        ...(internalName ? { internalName } : {}),
        allowLogin: form.get("allowLogin") === "on",
        allowApi: form.get("allowApi") === "on",
        primary: form.get("primary") === "on",
        testMode: form.get("testMode") === "on",
      },
    });
    const payload = result.data?.createDomain;
    if (result.error || !payload) {
      return setFormError(result.error ? describeError(result.error) : "We couldn't add the domain.");
    }
    if (payload.__typename === "CreateDomainSuccess") {
      return navigate(`/clients/${clientId}/domains/${payload.data.id}`);
    }
    const { fields, form: message } = splitMutationError(payload as MutationError);
    setFieldErrors(payload.__typename === "ConflictError" ? { rootDomain: payload.message } : fields);
    setFormError(payload.__typename === "ConflictError" ? null : message);
    focusFirstInvalid(formRef.current);
  }

  return (
    <Card aria-labelledby="add-domain-title">
      <h2 id="add-domain-title">Add a domain</h2>
      <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="add-domain-title">
        {!allowed ? <p className="reason">{missingPermissionReason("DOMAINS_MANAGE")}</p> : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <fieldset className="form-fieldset" disabled={fetching || !allowed}>
          <div className="form-grid">
            <Field
              label="Domain"
              name="rootDomain"
              placeholder="example.com"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              hint="Host name only. Subdomains are covered too."
              error={fieldErrors.rootDomain}
              required
            />
            <Field
              label="Internal name (optional)"
              name="internalName"
              autoComplete="off"
              hint="Only your team sees it."
              error={fieldErrors.internalName}
            />
          </div>
          <div className="toggle-grid">
            <Toggle name="allowLogin" label="Allow login" defaultChecked hint="People can sign in from this domain." />
            <Toggle name="allowApi" label="Allow API" defaultChecked hint="Your server can call the API for it." />
            <Toggle name="primary" label="Primary domain" hint="Shown on the login page." />
            <Toggle name="testMode" label="Test mode" hint="Only test users can sign in." />
          </div>
          <div className="form-actions">
            <Button type="submit" loading={fetching}>
              {fetching ? "Adding…" : "Add domain"}
            </Button>
          </div>
        </fieldset>
      </form>
    </Card>
  );
}
