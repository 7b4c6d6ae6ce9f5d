import { type FormEvent, useId, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
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
  formatDate,
  type MutationError,
  missingPermissionReason,
  type Payload,
  splitMutationError,
  useClientDashboard,
} from "../shared";

type DomainUrl = { id: string; kind: "CALLBACK" | "WEBHOOK"; url: string; active: boolean; createdAt: string };

type DomainDetail = {
  id: string;
  rootDomain: string;
  publicId: string;
  internalName: string | null;
  logoUrl: string | null;
  fallbackUri: string | null;
  fallbackResponse: string | null;
  serverIp: string | null;
  allowLogin: boolean;
  allowApi: boolean;
  active: boolean;
  primary: boolean;
  testMode: boolean;
  createdAt: string;
  updatedAt: string;
  urls: DomainUrl[];
};

type SecretSummary = {
  id: string;
  label: string;
  prefix: string;
  expiresAt: string | null;
  revokedAt: string | null;
  domains: { domainId: string; rootDomain: string }[];
};

const DOMAIN_FIELDS = `
  id
  rootDomain
  publicId
  internalName
  logoUrl
  fallbackUri
  fallbackResponse
  serverIp
  allowLogin
  allowApi
  active
  primary
  testMode
  createdAt
  updatedAt
  urls {
    id
    kind
    url
    active
    createdAt
  }
`;

const DomainPageDomain = gql<
  { client: { id: string; domains: DomainDetail[]; secrets: SecretSummary[] | null } | null },
  { id: string }
>`
  query DomainPage_Domain($id: ID!) {
    client(id: $id) {
      id
      domains {
        ${DOMAIN_FIELDS}
      }
      secrets {
        id
        label
        prefix
        expiresAt
        revokedAt
        domains {
          domainId
          rootDomain
        }
      }
    }
  }
`;

type UpdateDomainInput = {
  domainId: string;
  rootDomain?: string;
  internalName?: string;
  logoUrl?: string;
  fallbackUri?: string;
  fallbackResponse?: string;
  serverIp?: string;
  allowLogin?: boolean;
  allowApi?: boolean;
  active?: boolean;
  primary?: boolean;
  testMode?: boolean;
};

const DomainPageUpdateDomain = gql<
  { updateDomain: Payload<"UpdateDomainSuccess", DomainDetail> },
  { input: UpdateDomainInput }
>`
  mutation DomainPage_UpdateDomain($input: UpdateDomainInput!) {
    updateDomain(input: $input) {
      __typename
      ... on UpdateDomainSuccess {
        data {
          ${DOMAIN_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const DomainPageDeleteDomain = gql<
  { deleteDomain: Payload<"DeleteDomainSuccess", { id: string; rootDomain: string }> },
  { input: { domainId: string } }
>`
  mutation DomainPage_DeleteDomain($input: DeleteDomainInput!) {
    deleteDomain(input: $input) {
      __typename
      ... on DeleteDomainSuccess {
        data {
          id
          rootDomain
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const DomainPageAddUrl = gql<
  { addDomainUrl: Payload<"AddDomainUrlSuccess", DomainUrl> },
  { input: { domainId: string; kind: "CALLBACK" | "WEBHOOK"; url: string } }
>`
  mutation DomainPage_AddUrl($input: AddDomainUrlInput!) {
    addDomainUrl(input: $input) {
      __typename
      ... on AddDomainUrlSuccess {
        data {
          id
          kind
          url
          active
          createdAt
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const DomainPageUpdateUrl = gql<
  { updateDomainUrl: Payload<"UpdateDomainUrlSuccess", DomainUrl> },
  { input: { domainUrlId: string; active: boolean } }
>`
  mutation DomainPage_UpdateUrl($input: UpdateDomainUrlInput!) {
    updateDomainUrl(input: $input) {
      __typename
      ... on UpdateDomainUrlSuccess {
        data {
          id
          kind
          url
          active
          createdAt
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const DomainPageRemoveUrl = gql<
  { removeDomainUrl: Payload<"RemoveDomainUrlSuccess", { id: string }> },
  { input: { domainUrlId: string } }
>`
  mutation DomainPage_RemoveUrl($input: RemoveDomainUrlInput!) {
    removeDomainUrl(input: $input) {
      __typename
      ... on RemoveDomainUrlSuccess {
        data {
          id
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const DomainPageLinkSecret = gql<
  { linkSecretToDomain: Payload<"LinkSecretToDomainSuccess", { id: string }> },
  { input: { domainId: string; secretId: string } }
>`
  mutation DomainPage_LinkSecret($input: SecretDomainInput!) {
    linkSecretToDomain(input: $input) {
      __typename
      ... on LinkSecretToDomainSuccess {
        data {
          id
          domains {
            domainId
            rootDomain
          }
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const DomainPageUnlinkSecret = gql<
  { unlinkSecretFromDomain: Payload<"UnlinkSecretFromDomainSuccess", { id: string }> },
  { input: { domainId: string; secretId: string } }
>`
  mutation DomainPage_UnlinkSecret($input: SecretDomainInput!) {
    unlinkSecretFromDomain(input: $input) {
      __typename
      ... on UnlinkSecretFromDomainSuccess {
        data {
          id
          domains {
            domainId
            rootDomain
          }
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

export function DomainPage() {
  const { client } = useClientDashboard();
  const { domainId = "" } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DomainPageDomain,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const domain = data?.client?.domains.find((d) => d.id === domainId);
  const allowed = can(client, "DOMAINS_MANAGE");
  const back = (
    <p className="dashboard-crumb">
      <Link to={`/clients/${client.id}/domains`}>All domains</Link>
    </p>
  );

  if (!data && fetching) return <StatusBlock label="Loading domain…" />;
  if (error && !data) {
    return (
      <div className="stack-sm">
        <Alert tone="error" title="We couldn't load this domain">
          {describeError(error)}
        </Alert>
        <div>
          <Button variant="secondary" onClick={refresh}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  if (!domain) {
    return (
      <div className="stack-sm">
        {back}
        <EmptyState title="Domain not found">It may have been deleted.</EmptyState>
      </div>
    );
  }

  return (
    <div className="stack">
      <div>
        {back}
        <div className="section-head">
          <div>
            <h2 className="domain-title">{domain.rootDomain}</h2>
            <span className="kv-inline">
              <span className="muted">Domain ID</span>
              <CopyField value={domain.publicId} label={`Copy domain ID of ${domain.rootDomain}`} />
            </span>
          </div>
          <span className="kv-inline">
            {domain.primary ? <Badge tone="info">Primary</Badge> : null}
            <Badge tone={domain.active ? "success" : "neutral"}>{domain.active ? "Active" : "Inactive"}</Badge>
            {domain.testMode ? <Badge tone="warning">Test mode</Badge> : null}
          </span>
        </div>
      </div>
      {!allowed ? <Alert tone="info">{missingPermissionReason("DOMAINS_MANAGE")}</Alert> : null}
      <FlagsCard domain={domain} allowed={allowed} />
      <SettingsCard domain={domain} allowed={allowed} />
      <UrlsCard domain={domain} allowed={allowed} onChanged={refresh} />
      <SecretConnectionsCard
        domain={domain}
        secrets={data?.client?.secrets ?? null}
        allowed={can(client, "SECRETS_MANAGE")}
        onChanged={refresh}
      />
      <DeleteDomainCard domain={domain} clientId={client.id} allowed={allowed} />
    </div>
  );
}

const FLAGS: { key: "allowLogin" | "allowApi" | "active" | "primary" | "testMode"; label: string; hint: string }[] = [
  { key: "allowLogin", label: "Allow login", hint: "People can sign in through the hosted pages for this domain." },
  { key: "allowApi", label: "Allow API", hint: "Your server may call the partner API with this domain ID." },
  { key: "active", label: "Active", hint: "An inactive domain refuses logins and API calls." },
  { key: "primary", label: "Primary", hint: "At most one per client; shown on the login page." },
  { key: "testMode", label: "Test mode", hint: "Only the client's test users can sign in." },
];

function FlagsCard({ domain, allowed }: { domain: DomainDetail; allowed: boolean }) {
  const [{ fetching }, update] = useMutation(DomainPageUpdateDomain);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function toggle(key: (typeof FLAGS)[number]["key"], value: boolean) {
    setPending(key);
    setError(null);
    const result = await update({ input: { domainId: domain.id, [key]: value } });
    setPending(null);
    const payload = result.data?.updateDomain;
    if (result.error || !payload) {
      return setError(result.error ? describeError(result.error) : "We couldn't save that change.");
    }
    if (payload.__typename !== "UpdateDomainSuccess") setError(payload.message);
  }

  return (
    <Card aria-labelledby="flags-title">
      <h2 id="flags-title">Access</h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="toggle-grid" aria-busy={fetching || undefined}>
        {FLAGS.map((flag) => (
          <Toggle
            key={flag.key}
            name={flag.key}
            label={pending === flag.key ? `${flag.label} (saving…)` : flag.label}
            hint={flag.hint}
            checked={domain[flag.key]}
            disabled={!allowed || fetching || (flag.key === "primary" && domain.primary)}
            onChange={(event) => toggle(flag.key, event.target.checked)}
          />
        ))}
      </div>
    </Card>
  );
}

function SettingsCard({ domain, allowed }: { domain: DomainDetail; allowed: boolean }) {
  const formRef = useRef<HTMLFormElement>(null);
  const fallbackId = useId();
  const [{ fetching }, update] = useMutation(DomainPageUpdateDomain);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const input = {
      domainId: domain.id,
      rootDomain: value("rootDomain").toLowerCase(),
      internalName: value("internalName"),
      logoUrl: value("logoUrl"),
      fallbackUri: value("fallbackUri"),
      fallbackResponse: value("fallbackResponse"),
      serverIp: value("serverIp"),
    };
    const errors: Record<string, string> = {};
    if (!input.rootDomain) errors.rootDomain = "Enter the domain.";
    else if (/[/:\s]/.test(input.rootDomain)) errors.rootDomain = "Host name only, without https://, a path or a port.";
    for (const key of ["logoUrl", "fallbackUri"] as const) {
      if (input[key] && !/^https?:\/\//.test(input[key])) errors[key] = "Enter a full URL starting with https://.";
    }
    setSaved(false);
    setFormError(null);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return focusFirstInvalid(formRef.current);

    const result = await update({ input });
    const payload = result.data?.updateDomain;
    if (result.error || !payload) {
      return setFormError(result.error ? describeError(result.error) : "We couldn't save the domain.");
    }
    if (payload.__typename === "UpdateDomainSuccess") return setSaved(true);
    const { fields, form: message } = splitMutationError(payload as MutationError);
    setFieldErrors(payload.__typename === "ConflictError" ? { rootDomain: payload.message } : fields);
    setFormError(payload.__typename === "ConflictError" ? null : message);
    focusFirstInvalid(formRef.current);
  }

  return (
    <Card aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <form
        ref={formRef}
        className="form"
        onSubmit={handleSubmit}
        noValidate
        aria-labelledby="settings-title"
        key={domain.updatedAt}
      >
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {saved ? <Alert tone="success">Saved.</Alert> : null}
        <fieldset className="form-fieldset" disabled={fetching || !allowed}>
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
              hint="Where people go when a login cannot go on."
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
            <div className="field field-wide">
              <label className="field-label" htmlFor={fallbackId}>
                Fallback response
              </label>
              <textarea
                id={fallbackId}
                name="fallbackResponse"
                className="field-input field-textarea"
                defaultValue={domain.fallbackResponse ?? ""}
                aria-invalid={fieldErrors.fallbackResponse ? true : undefined}
              />
              {fieldErrors.fallbackResponse ? <p className="field-error">{fieldErrors.fallbackResponse}</p> : null}
            </div>
          </div>
          <div className="form-actions">
            <Button type="submit" loading={fetching}>
              {fetching ? "Saving…" : "Save settings"}
            </Button>
            <span className="fine-print">
              Added {formatDate(domain.createdAt)} · updated {formatDate(domain.updatedAt)}
            </span>
          </div>
        </fieldset>
      </form>
    </Card>
  );
}

function UrlsCard({ domain, allowed, onChanged }: { domain: DomainDetail; allowed: boolean; onChanged: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const kindId = useId();
  const [addState, addUrl] = useMutation(DomainPageAddUrl);
  const [updateState, updateUrl] = useMutation(DomainPageUpdateUrl);
  const [removeState, removeUrl] = useMutation(DomainPageRemoveUrl);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<DomainUrl | null>(null);

  async function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const url = String(form.get("url") ?? "").trim();
    const kind = form.get("kind") === "WEBHOOK" ? "WEBHOOK" : "CALLBACK";
    setFormError(null);
    if (!/^https?:\/\/\S+$/.test(url)) {
      setFieldErrors({ url: "Enter a full URL, e.g. https://app.example.com/callback." });
      return focusFirstInvalid(formRef.current);
    }
    setFieldErrors({});
    const result = await addUrl({ input: { domainId: domain.id, kind, url } });
    const payload = result.data?.addDomainUrl;
    if (result.error || !payload) {
      return setFormError(result.error ? describeError(result.error) : "We couldn't add the URL.");
    }
    if (payload.__typename === "AddDomainUrlSuccess") {
      formElement.reset();
      return onChanged();
    }
    const { fields, form: message } = splitMutationError(payload as MutationError);
    setFieldErrors(payload.__typename === "ConflictError" ? { url: payload.message } : fields);
    setFormError(payload.__typename === "ConflictError" ? null : message);
    focusFirstInvalid(formRef.current);
  }

  async function handleToggle(url: DomainUrl, active: boolean) {
    setRowError(null);
    const result = await updateUrl({ input: { domainUrlId: url.id, active } });
    const payload = result.data?.updateDomainUrl;
    if (result.error || !payload) return setRowError(result.error ? describeError(result.error) : "Not saved.");
    if (payload.__typename !== "UpdateDomainUrlSuccess") return setRowError(payload.message);
    onChanged();
  }

  async function handleRemove() {
    if (!removing) return;
    setRowError(null);
    const result = await removeUrl({ input: { domainUrlId: removing.id } });
    const payload = result.data?.removeDomainUrl;
    if (result.error || !payload) return setRowError(result.error ? describeError(result.error) : "Not removed.");
    if (payload.__typename !== "RemoveDomainUrlSuccess") return setRowError(payload.message);
    setRemoving(null);
    onChanged();
  }

  return (
    <Card aria-labelledby="urls-title">
      <h2 id="urls-title">Callback and webhook URLs</h2>
      <p className="muted">
        Callback URLs are where people may be sent back after login. Webhook URLs receive events about this domain.
      </p>
      {rowError && !removing ? <Alert tone="error">{rowError}</Alert> : null}
      {domain.urls.length === 0 ? (
        <EmptyState title="No URLs yet">
          Add a callback URL if your app's return address is not on {domain.rootDomain}.
        </EmptyState>
      ) : (
        <Table caption="Callback and webhook URLs">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Kind</th>
              <th scope="col">Active</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {domain.urls.map((url) => (
              <tr key={url.id}>
                <td data-label="URL">
                  <code className="url-cell">{url.url}</code>
                </td>
                <td data-label="Kind">
                  <Badge tone="neutral">{url.kind === "CALLBACK" ? "Callback" : "Webhook"}</Badge>
                </td>
                <td data-label="Active">
                  <Toggle
                    label={<span className="visually-hidden">Active: {url.url}</span>}
                    checked={url.active}
                    disabled={!allowed || updateState.fetching}
                    onChange={(event) => handleToggle(url, event.target.checked)}
                  />
                </td>
                <td className="table-actions">
                  <Button variant="secondary" className="btn-sm" disabled={!allowed} onClick={() => setRemoving(url)}>
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <form ref={formRef} className="form" onSubmit={handleAdd} noValidate aria-label="Add a URL">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <fieldset className="form-fieldset" disabled={addState.fetching || !allowed}>
          <div className="inline-form">
            <div className="field url-kind">
              <label className="field-label" htmlFor={kindId}>
                Kind
              </label>
              <select id={kindId} name="kind" className="field-input" defaultValue="CALLBACK">
                <option value="CALLBACK">Callback</option>
                <option value="WEBHOOK">Webhook</option>
              </select>
            </div>
            <Field
              label="URL"
              name="url"
              type="url"
              placeholder="https://app.example.com/callback"
              autoCapitalize="none"
              spellCheck={false}
              error={fieldErrors.url}
            />
            <Button type="submit" variant="secondary" loading={addState.fetching}>
              Add URL
            </Button>
          </div>
        </fieldset>
      </form>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this URL?"
        confirmLabel="Remove URL"
        loading={removeState.fetching}
        error={removing ? rowError : null}
        onConfirm={handleRemove}
        onCancel={() => {
          setRemoving(null);
          setRowError(null);
        }}
      >
        <p>
          <code>{removing?.url}</code> will no longer be accepted{removing?.kind === "WEBHOOK" ? " for webhooks" : ""}.
        </p>
      </ConfirmDialog>
    </Card>
  );
}

function secretStatus(secret: SecretSummary): string | null {
  if (secret.revokedAt) return "revoked";
  if (secret.expiresAt && new Date(secret.expiresAt).getTime() < Date.now()) return "expired";
  return null;
}

function SecretConnectionsCard({
  domain,
  secrets,
  allowed,
  onChanged,
}: {
  domain: DomainDetail;
  secrets: SecretSummary[] | null;
  allowed: boolean;
  onChanged: () => void;
}) {
  const { client } = useClientDashboard();
  const [linkState, link] = useMutation(DomainPageLinkSecret);
  const [unlinkState, unlink] = useMutation(DomainPageUnlinkSecret);
  const [error, setError] = useState<string | null>(null);
  const [unlinking, setUnlinking] = useState<SecretSummary | null>(null);

  async function handleLink(secret: SecretSummary) {
    setError(null);
    const result = await link({ input: { domainId: domain.id, secretId: secret.id } });
    const payload = result.data?.linkSecretToDomain;
    if (result.error || !payload) return setError(result.error ? describeError(result.error) : "Not linked.");
    if (payload.__typename !== "LinkSecretToDomainSuccess") return setError(payload.message);
    onChanged();
  }

  async function handleUnlink() {
    if (!unlinking) return;
    setError(null);
    const result = await unlink({ input: { domainId: domain.id, secretId: unlinking.id } });
    const payload = result.data?.unlinkSecretFromDomain;
    if (result.error || !payload) return setError(result.error ? describeError(result.error) : "Not unlinked.");
    if (payload.__typename !== "UnlinkSecretFromDomainSuccess") return setError(payload.message);
    setUnlinking(null);
    onChanged();
  }

  return (
    <Card aria-labelledby="secret-links-title">
      <h2 id="secret-links-title">Secret connections</h2>
      <p className="muted">A secret works only from the domains it is linked to.</p>
      {!allowed || secrets === null ? (
        <div className="stack-sm">
          <p className="reason">{missingPermissionReason("SECRETS_MANAGE")}</p>
          <div>
            <Button variant="secondary" disabled>
              Link a secret
            </Button>
          </div>
        </div>
      ) : secrets.length === 0 ? (
        <EmptyState title="No secrets yet" action={<Link to={`/clients/${client.id}/secrets`}>Create a secret</Link>}>
          Create a secret and link it to {domain.rootDomain}.
        </EmptyState>
      ) : (
        <>
          {error && !unlinking ? <Alert tone="error">{error}</Alert> : null}
          <Table caption={`Secrets and their link to ${domain.rootDomain}`}>
            <thead>
              <tr>
                <th scope="col">Secret</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {secrets.map((secret) => {
                const linked = secret.domains.some((d) => d.domainId === domain.id);
                const dead = secretStatus(secret);
                return (
                  <tr key={secret.id}>
                    <td data-label="Secret">
                      <strong>{secret.label}</strong> <code className="muted">{secret.prefix}…</code>
                    </td>
                    <td data-label="Status">
                      <span className="kv-inline">
                        {linked ? <Badge tone="success">Linked</Badge> : <Badge tone="neutral">Not linked</Badge>}
                        {dead ? <Badge tone="danger">{dead}</Badge> : null}
                      </span>
                    </td>
                    <td className="table-actions">
                      {linked ? (
                        <Button variant="secondary" className="btn-sm" onClick={() => setUnlinking(secret)}>
                          Unlink
                        </Button>
                      ) : (
                        <Button
                          variant="secondary"
                          className="btn-sm"
                          disabled={dead !== null || linkState.fetching}
                          title={dead ? `This secret is ${dead}.` : undefined}
                          onClick={() => handleLink(secret)}
                        >
                          Link
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </>
      )}
      <ConfirmDialog
        open={unlinking !== null}
        title="Unlink this secret?"
        confirmLabel="Unlink"
        loading={unlinkState.fetching}
        error={unlinking ? error : null}
        onConfirm={handleUnlink}
        onCancel={() => {
          setUnlinking(null);
          setError(null);
        }}
      >
        <p>
          Apps using “{unlinking?.label}” from {domain.rootDomain} will be refused from the next request on.
        </p>
      </ConfirmDialog>
    </Card>
  );
}

function DeleteDomainCard({ domain, clientId, allowed }: { domain: DomainDetail; clientId: string; allowed: boolean }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, deleteDomain] = useMutation(DomainPageDeleteDomain);

  async function handleConfirm() {
    setError(null);
    const result = await deleteDomain({ input: { domainId: domain.id } });
    const payload = result.data?.deleteDomain;
    if (result.error || !payload) return setError(result.error ? describeError(result.error) : "Not deleted.");
    if (payload.__typename !== "DeleteDomainSuccess") return setError(payload.message);
    navigate(`/clients/${clientId}/domains`, { replace: true });
  }

  return (
    <Card aria-labelledby="delete-domain-title" className="danger-zone">
      <div className="section-head">
        <div>
          <h2 id="delete-domain-title">Delete domain</h2>
          <p className="muted">Removes the domain with its URLs and secret links.</p>
        </div>
        <Button variant="danger" disabled={!allowed} onClick={() => setOpen(true)}>
          Delete domain
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={`Delete ${domain.rootDomain}?`}
        confirmLabel="Delete domain"
        loading={fetching}
        error={error}
        onConfirm={handleConfirm}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
      >
        <p>Logins and API calls from {domain.rootDomain} stop working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </Card>
  );
}
