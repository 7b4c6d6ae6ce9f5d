import { useState } from "react";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError } from "../../../lib/errors";
import { formatDate, formatDateTime, PAYLOAD_ERROR_FIELDS, type PayloadError } from "../account-shared";

type ConnectedApp = {
  id: string;
  client: { id: string; name: string };
  grantedAt: string;
  lastLoginAt: string | null;
  scopes: { key: string; description: string }[];
};

const ConnectedAppsPageApps = gql<
  { viewer: { id: string; connectedApps: ConnectedApp[] } | null },
  Record<string, never>
>`
  query ConnectedAppsPage_Apps {
    viewer {
      id
      connectedApps {
        id
        client {
          id
          name
        }
        grantedAt
        lastLoginAt
        scopes {
          key
          description
        }
      }
    }
  }
`;

const ConnectedAppsPageRevoke = gql<
  {
    revokeConsent:
      | { __typename: "RevokeConsentSuccess"; data: { id: string; revokedAt: string | null } }
      | PayloadError;
  },
  { input: { consentId: string } }
>`
  mutation ConnectedAppsPage_Revoke($input: RevokeConsentInput!) {
    revokeConsent(input: $input) {
      ${PAYLOAD_ERROR_FIELDS}
      ... on RevokeConsentSuccess {
        data {
          id
          revokedAt
        }
      }
    }
  }
`;

export function ConnectedAppsPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ConnectedAppsPageApps,
    requestPolicy: "cache-and-network",
  });
  const [revoking, setRevoking] = useState<ConnectedApp | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [{ fetching: sending }, revoke] = useMutation(ConnectedAppsPageRevoke);
  const apps = data?.viewer?.connectedApps;

  async function confirmRevoke() {
    if (!revoking) return;
    setRevokeError(null);
    const result = await revoke({ input: { consentId: revoking.id } });
    const payload = result.data?.revokeConsent;
    if (!payload) return setRevokeError(result.error ? describeError(result.error) : "We couldn't revoke access.");
    if (payload.__typename !== "RevokeConsentSuccess") return setRevokeError(payload.message);
    setRevoked(revoking.client.name);
    setRevoking(null);
    reexecute({ requestPolicy: "network-only" });
  }

  return (
    <Card aria-labelledby="apps-title">
      <title>Connected apps · Gatehouse</title>
      <header className="section-head">
        <div>
          <h2 id="apps-title">Connected apps</h2>
          <p className="muted">
            Apps you allowed to use your Gatehouse account. Revoking one stops it from reading your details; it will ask
            you again the next time you sign in to it.
          </p>
        </div>
      </header>
      {revoked ? <Alert tone="success">{revoked} can no longer access your account.</Alert> : null}
      {error && !data ? (
        <div className="stack">
          <Alert tone="error" title="We couldn't load your connected apps">
            {describeError(error)}
          </Alert>
          <div>
            <Button variant="secondary" onClick={() => reexecute({ requestPolicy: "network-only" })}>
              Try again
            </Button>
          </div>
        </div>
      ) : fetching && !apps ? (
        <StatusBlock label="Loading your connected apps…" />
      ) : apps && apps.length === 0 ? (
        <EmptyState title="No connected apps">
          When you sign in to an app with Gatehouse and allow it, it shows up here.
        </EmptyState>
      ) : apps ? (
        <ul className="item-list" aria-label="Connected apps">
          {apps.map((app) => (
            <li key={app.id} className="item" aria-labelledby={`app-${app.id}`}>
              <div className="item-head">
                <span className="item-avatar" aria-hidden="true">
                  {app.client.name.trim().charAt(0).toUpperCase() || "?"}
                </span>
                <div className="item-title">
                  <h3 id={`app-${app.id}`}>{app.client.name}</h3>
                  <p className="item-meta">
                    Allowed {formatDate(app.grantedAt)}
                    {" · "}
                    {app.lastLoginAt ? `last sign-in ${formatDateTime(app.lastLoginAt)}` : "no sign-in yet"}
                  </p>
                </div>
                <div className="item-actions">
                  <Button
                    variant="secondary"
                    className="btn-danger-outline"
                    onClick={() => {
                      setRevokeError(null);
                      setRevoked(null);
                      setRevoking(app);
                    }}
                    aria-label={`Revoke access for ${app.client.name}`}
                  >
                    Revoke access
                  </Button>
                </div>
              </div>
              <div className="item-body">
                <p className="item-label">It can:</p>
                {app.scopes.length > 0 ? (
                  <ul className="scope-words">
                    {app.scopes.map((scope) => (
                      <li key={scope.key}>
                        {scope.description} <code className="scope-key">{scope.key}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Nothing beyond knowing you signed in.</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke access for ${revoking?.client.name ?? "this app"}?`}
        confirmLabel="Revoke access"
        loading={sending}
        error={revokeError}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <p>
          {revoking?.client.name} will no longer be able to read your details. If you sign in to it again, Gatehouse
          asks for your permission first.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
