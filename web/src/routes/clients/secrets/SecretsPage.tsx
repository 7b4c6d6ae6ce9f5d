import { type FormEvent, useEffect, useRef, useState } from "react";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge, type BadgeTone } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { CopyButton } from "../../../components/ui/CopyButton";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { describeError, focusFirstInvalid } from "../../../lib/errors";
import {
  can,
  ERROR_FIELDS,
  formatDate,
  formatDateTime,
  type MutationError,
  missingPermissionReason,
  type Payload,
  splitMutationError,
  useClientDashboard,
} from "../shared";

type Secret = {
  id: string;
  label: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  domains: { domainId: string; rootDomain: string }[];
};

const SECRET_FIELDS = `
  id
  label
  prefix
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
  domains {
    domainId
    rootDomain
  }
`;

const SecretsPageSecrets = gql<
  { client: { id: string; domains: { id: string; rootDomain: string }[]; secrets: Secret[] | null } | null },
  { id: string }
>`
  query SecretsPage_Secrets($id: ID!) {
    client(id: $id) {
      id
      domains {
        id
        rootDomain
      }
      secrets {
        ${SECRET_FIELDS}
      }
    }
  }
`;

const SecretsPageCreateSecret = gql<
  { createClientSecret: Payload<"CreateClientSecretSuccess", { value: string; secret: Secret }> },
  { input: { clientId: string; label?: string; expiresAt?: string; domainIds: string[] } }
>`
  mutation SecretsPage_CreateSecret($input: CreateClientSecretInput!) {
    createClientSecret(input: $input) {
      __typename
      ... on CreateClientSecretSuccess {
        data {
          value
          secret {
            ${SECRET_FIELDS}
          }
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const SecretsPageRevokeSecret = gql<
  { revokeClientSecret: Payload<"RevokeClientSecretSuccess", Secret> },
  { input: { secretId: string } }
>`
  mutation SecretsPage_RevokeSecret($input: RevokeClientSecretInput!) {
    revokeClientSecret(input: $input) {
      __typename
      ... on RevokeClientSecretSuccess {
        data {
          ${SECRET_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const DAY = 24 * 60 * 60 * 1000;

export function secretStatus(secret: Secret, now = Date.now()): { label: string; tone: BadgeTone } {
  if (secret.revokedAt) return { label: "Revoked", tone: "danger" };
  if (secret.expiresAt) {
    const left = new Date(secret.expiresAt).getTime() - now;
    if (left <= 0) return { label: "Expired", tone: "danger" };
    if (left < 14 * DAY) return { label: "Expiring soon", tone: "warning" };
  }
  return { label: "Active", tone: "success" };
}

export function SecretsPage() {
  const { client } = useClientDashboard();
  const allowed = can(client, "SECRETS_MANAGE");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SecretsPageSecrets,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const [created, setCreated] = useState<{ value: string; secret: Secret } | null>(null);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const secrets = data?.client?.secrets ?? null;

  return (
    <div className="stack">
      {created ? <SecretReveal created={created} onDone={() => setCreated(null)} /> : null}
      <CreateSecretCard
        clientId={client.id}
        allowed={allowed}
        domains={data?.client?.domains ?? []}
        onCreated={(result) => {
          setCreated(result);
          refresh();
        }}
      />
      <Card aria-labelledby="secrets-title">
        <h2 id="secrets-title">Client Secrets</h2>
        <p className="muted">
          Your server sends a secret with its API calls. Only the first characters are kept for display.
        </p>
        {!allowed ? (
          <p className="reason">{missingPermissionReason("SECRETS_MANAGE")}</p>
        ) : !data && fetching ? (
          <StatusBlock label="Loading secrets…" />
        ) : error && !data ? (
          <div className="stack-sm">
            <Alert tone="error" title="We couldn't load the secrets">
              {describeError(error)}
            </Alert>
            <div>
              <Button variant="secondary" onClick={refresh}>
                Try again
              </Button>
            </div>
          </div>
        ) : !secrets || secrets.length === 0 ? (
          <EmptyState title="No secrets yet">Create one above; its value is shown once.</EmptyState>
        ) : (
          <SecretsTable secrets={secrets} onChanged={refresh} />
        )}
      </Card>
    </div>
  );
}

function SecretReveal({ created, onDone }: { created: { value: string; secret: Secret }; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="secret-reveal" aria-labelledby="secret-reveal-title" data-testid="secret-reveal">
      <h2 id="secret-reveal-title" ref={headingRef} tabIndex={-1}>
        Your new secret “{created.secret.label}”
      </h2>
      <Alert tone="warning" title="Copy it now. You will not see it again.">
        Store it in your app's environment (GATEHOUSE_CLIENT_SECRET). If you lose it, create a new secret and revoke
        this one.
      </Alert>
      <span className="copy-field">
        <code className="copy-field-value" data-testid="secret-value">
          {created.value}
        </code>
        <CopyButton value={created.value} label="Copy secret value" />
      </span>
      {created.secret.domains.length > 0 ? (
        <p className="fine-print">Linked to {created.secret.domains.map((d) => d.rootDomain).join(", ")}.</p>
      ) : (
        <p className="fine-print">Not linked to a domain yet; link it on a domain's page before using it.</p>
      )}
      <div>
        <Button variant="secondary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}

function CreateSecretCard({
  clientId,
  allowed,
  domains,
  onCreated,
}: {
  clientId: string;
  allowed: boolean;
  domains: { id: string; rootDomain: string }[];
  onCreated: (created: { value: string; secret: Secret }) => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [{ fetching }, createSecret] = useMutation(SecretsPageCreateSecret);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const label = String(form.get("label") ?? "").trim();
    const expiry = String(form.get("expiresAt") ?? "");
    const domainIds = form.getAll("domainIds").map(String);
    const errors: Record<string, string> = {};
    let expiresAt: string | undefined;
    if (expiry) {
      const date = new Date(`${expiry}T23:59:59`);
      if (Number.isNaN(date.getTime())) errors.expiresAt = "Enter a valid date.";
      else if (date.getTime() <= Date.now()) errors.expiresAt = "Pick a date in the future.";
      else expiresAt = date.toISOString();
    }
    setFormError(null);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return focusFirstInvalid(formRef.current);

    const result = await createSecret({
      input: { clientId, domainIds, ...(label ? { label } : {}), ...(expiresAt ? { expiresAt } : {}) },
    });
    const payload = result.data?.createClientSecret;
    if (result.error || !payload) {
      return setFormError(result.error ? describeError(result.error) : "We couldn't create the secret.");
    }
    if (payload.__typename === "CreateClientSecretSuccess") {
      formElement.reset();
      return onCreated(payload.data);
    }
    const { fields, form: message } = splitMutationError(payload as MutationError);
    setFieldErrors(fields);
    setFormError(message);
    focusFirstInvalid(formRef.current);
  }

  return (
    <Card aria-labelledby="create-secret-title">
      <h2 id="create-secret-title">Create a secret</h2>
      <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="create-secret-title">
        {!allowed ? <p className="reason">{missingPermissionReason("SECRETS_MANAGE")}</p> : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <fieldset className="form-fieldset" disabled={fetching || !allowed}>
          <div className="form-grid">
            <Field
              label="Label"
              name="label"
              defaultValue="Standard Key"
              maxLength={100}
              hint="To tell your secrets apart."
              error={fieldErrors.label}
            />
            <Field
              label="Expires on (optional)"
              name="expiresAt"
              type="date"
              hint="Leave empty for a secret that does not expire."
              error={fieldErrors.expiresAt}
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
            {fieldErrors.domainIds ? <p className="field-error">{fieldErrors.domainIds}</p> : null}
          </fieldset>
          <div className="form-actions">
            <Button type="submit" loading={fetching}>
              {fetching ? "Creating…" : "Create secret"}
            </Button>
          </div>
        </fieldset>
      </form>
    </Card>
  );
}

function SecretsTable({ secrets, onChanged }: { secrets: Secret[]; onChanged: () => void }) {
  const [revoking, setRevoking] = useState<Secret | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, revoke] = useMutation(SecretsPageRevokeSecret);

  async function handleRevoke() {
    if (!revoking) return;
    setError(null);
    const result = await revoke({ input: { secretId: revoking.id } });
    const payload = result.data?.revokeClientSecret;
    if (result.error || !payload) return setError(result.error ? describeError(result.error) : "Not revoked.");
    if (payload.__typename !== "RevokeClientSecretSuccess") return setError(payload.message);
    setRevoking(null);
    onChanged();
  }

  return (
    <>
      <Table caption="Client secrets">
        <thead>
          <tr>
            <th scope="col">Secret</th>
            <th scope="col">Status</th>
            <th scope="col">Domains</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {secrets.map((secret) => {
            const status = secretStatus(secret);
            return (
              <tr key={secret.id} data-testid="secret-row">
                <td data-label="Secret">
                  <span className="secret-name">
                    <strong>{secret.label}</strong>
                    <code className="muted">{secret.prefix}…</code>
                  </span>
                </td>
                <td data-label="Status">
                  <Badge tone={status.tone}>{status.label}</Badge>
                </td>
                <td data-label="Domains">
                  {secret.domains.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    secret.domains.map((d) => d.rootDomain).join(", ")
                  )}
                </td>
                <td data-label="Expires">{secret.expiresAt ? formatDate(secret.expiresAt) : "Never"}</td>
                <td data-label="Last used">{secret.lastUsedAt ? formatDateTime(secret.lastUsedAt) : "Never"}</td>
                <td className="table-actions">
                  <Button
                    variant="secondary"
                    className="btn-sm"
                    disabled={secret.revokedAt !== null}
                    title={secret.revokedAt ? "Already revoked" : undefined}
                    onClick={() => setRevoking(secret)}
                  >
                    Revoke
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.label ?? ""}”?`}
        confirmLabel="Revoke secret"
        loading={fetching}
        error={error}
        onConfirm={handleRevoke}
        onCancel={() => {
          setRevoking(null);
          setError(null);
        }}
      >
        <p>The partner API refuses this secret from the next request on. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
