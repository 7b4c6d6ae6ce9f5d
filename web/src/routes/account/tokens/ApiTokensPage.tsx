import { type FormEvent, useRef, useState } from "react";
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
import { describeError, fieldErrorMap, focusFirstInvalid } from "../../../lib/errors";
import {
  endOfDayIso,
  formatDate,
  formatDateTime,
  PAYLOAD_ERROR_FIELDS,
  type PayloadError,
  todayInput,
  VALIDATION_ERROR_FIELDS,
} from "../account-shared";

type ApiToken = {
  id: string;
  label: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const TOKEN_FIELDS = `
  id
  label
  prefix
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
`;

const ApiTokensPageTokens = gql<{ viewer: { id: string; apiTokens: ApiToken[] } | null }, Record<string, never>>`
  query ApiTokensPage_Tokens {
    viewer {
      id
      apiTokens {
        ${TOKEN_FIELDS}
      }
    }
  }
`;

const ApiTokensPageCreate = gql<
  {
    createApiToken: { __typename: "CreateApiTokenSuccess"; data: { value: string; token: ApiToken } } | PayloadError;
  },
  { input: { label: string; currentPassword: string; expiresAt: string | null } }
>`
  mutation ApiTokensPage_Create($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      ${VALIDATION_ERROR_FIELDS}
      ... on CreateApiTokenSuccess {
        data {
          value
          token {
            ${TOKEN_FIELDS}
          }
        }
      }
    }
  }
`;

const ApiTokensPageRevoke = gql<
  { revokeApiToken: { __typename: "RevokeApiTokenSuccess"; data: ApiToken } | PayloadError },
  { input: { id: string } }
>`
  mutation ApiTokensPage_Revoke($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      ${PAYLOAD_ERROR_FIELDS}
      ... on RevokeApiTokenSuccess {
        data {
          ${TOKEN_FIELDS}
        }
      }
    }
  }
`;

function tokenStatus(token: ApiToken): { label: string; tone: BadgeTone } {
  if (token.revokedAt) return { label: "Revoked", tone: "neutral" };
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return { label: "Expired", tone: "danger" };
  if (token.expiresAt && new Date(token.expiresAt).getTime() - Date.now() < 7 * 86_400_000)
    return { label: "Expires soon", tone: "warning" };
  return { label: "Active", tone: "success" };
}

export function ApiTokensPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ApiTokensPageTokens,
    requestPolicy: "cache-and-network",
  });
  const [created, setCreated] = useState<{ value: string; label: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [{ fetching: revokeSending }, revoke] = useMutation(ApiTokensPageRevoke);
  const tokens = data?.viewer?.apiTokens;

  async function confirmRevoke() {
    if (!revoking) return;
    setRevokeError(null);
    const result = await revoke({ input: { id: revoking.id } });
    const payload = result.data?.revokeApiToken;
    if (!payload) return setRevokeError(result.error ? describeError(result.error) : "We couldn't revoke the token.");
    if ("message" in payload) return setRevokeError(payload.message);
    setRevoking(null);
    reexecute({ requestPolicy: "network-only" });
  }

  return (
    <div className="stack">
      <title>API tokens · Gatehouse</title>
      <CreateTokenCard
        onCreated={(value, label) => {
          setCreated({ value, label });
          reexecute({ requestPolicy: "network-only" });
        }}
      />
      {created ? (
        <section className="secret-once" aria-labelledby="token-created-title">
          <h3 id="token-created-title">Your new token “{created.label}”</h3>
          <Alert tone="warning" title="Copy it now: it is shown only this once.">
            Gatehouse keeps only a fingerprint of it. If you lose it, revoke it and create a new one.
          </Alert>
          <div className="secret-value">
            <code data-testid="new-token-value">{created.value}</code>
            <CopyButton value={created.value} label="Copy the new API token" />
          </div>
          <div>
            <Button variant="secondary" onClick={() => setCreated(null)}>
              I have stored it
            </Button>
          </div>
        </section>
      ) : null}
      <Card aria-labelledby="tokens-title">
        <header className="section-head">
          <div>
            <h2 id="tokens-title">Your tokens</h2>
            <p className="muted">Only the first characters of each token are kept to tell them apart.</p>
          </div>
        </header>
        {error && !data ? (
          <div className="stack">
            <Alert tone="error" title="We couldn't load your tokens">
              {describeError(error)}
            </Alert>
            <div>
              <Button variant="secondary" onClick={() => reexecute({ requestPolicy: "network-only" })}>
                Try again
              </Button>
            </div>
          </div>
        ) : fetching && !tokens ? (
          <StatusBlock label="Loading your tokens…" />
        ) : tokens && tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">Create one above to call the Gatehouse API as yourself.</EmptyState>
        ) : tokens ? (
          <Table caption="Your API tokens">
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Token</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const status = tokenStatus(token);
                return (
                  <tr key={token.id}>
                    <td data-label="Label">
                      <strong>{token.label}</strong>
                    </td>
                    <td data-label="Token">
                      <code>{token.prefix}…</code>
                    </td>
                    <td data-label="Status">
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </td>
                    <td data-label="Created">{formatDate(token.createdAt)}</td>
                    <td data-label="Expires">{token.expiresAt ? formatDate(token.expiresAt) : "Never"}</td>
                    <td data-label="Last used">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
                    <td data-label="Actions">
                      {token.revokedAt ? (
                        <span className="muted">Revoked {formatDate(token.revokedAt)}</span>
                      ) : (
                        <Button
                          variant="secondary"
                          className="btn-sm btn-danger-outline"
                          onClick={() => {
                            setRevokeError(null);
                            setRevoking(token);
                          }}
                          aria-label={`Revoke the token ${token.label}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        ) : null}
      </Card>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the token “${revoking?.label ?? ""}”?`}
        confirmLabel="Revoke token"
        loading={revokeSending}
        error={revokeError}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <p>Anything that uses this token stops working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}

function CreateTokenCard({ onCreated }: { onCreated: (value: string, label: string) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [label, setLabel] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [currentPassword, setCurrentPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(ApiTokensPageCreate);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = "Give the token a label, so you know where it is used.";
    else if (label.trim().length > 100) found.label = "Use at most 100 characters for the label.";
    if (expiresOn && expiresOn <= todayInput()) found.expiresAt = "Pick a day after today, or leave it empty.";
    else if (expiresOn && expiresOn > todayInput(365)) found.expiresAt = "A token can live at most 365 days.";
    if (!currentPassword) found.currentPassword = "Enter your current password.";
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);

    const result = await create({
      input: { label: label.trim(), currentPassword, expiresAt: expiresOn ? endOfDayIso(expiresOn) : null },
    });
    const payload = result.data?.createApiToken;
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't create the token.");
    setCurrentPassword("");
    if (payload.__typename === "CreateApiTokenSuccess") {
      setLabel("");
      setExpiresOn("");
      onCreated(payload.data.value, payload.data.token.label);
      return;
    }
    if (payload.__typename === "ValidationError" && payload.fieldErrors.length > 0) {
      setErrors(fieldErrorMap(payload.fieldErrors));
      return focusFirstInvalid(formRef.current);
    }
    setFormError(payload.message);
  }

  return (
    <Card aria-labelledby="token-create-title">
      <header className="section-head">
        <div>
          <h2 id="token-create-title">Create an API token</h2>
          <p className="muted">
            A personal token lets scripts call the Gatehouse API as you. Treat it like a password.
          </p>
        </div>
      </header>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
        <fieldset className="plain-fieldset" disabled={fetching}>
          <div className="form-grid">
            <Field
              label="Label"
              name="label"
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              error={errors.label}
              placeholder="Deploy script"
            />
            <Field
              label="Expires on (optional)"
              name="expiresAt"
              type="date"
              min={todayInput(1)}
              max={todayInput(365)}
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.target.value)}
              error={errors.expiresAt}
              hint="Leave empty for 90 days. A token lives at most a year."
            />
            <Field
              label="Your current password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.target.value)}
              error={errors.currentPassword}
              hint="A token acts as you, so creating one needs your password."
            />
          </div>
        </fieldset>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="form-actions">
          <Button type="submit" loading={fetching}>
            Create token
          </Button>
        </div>
      </form>
    </Card>
  );
}
