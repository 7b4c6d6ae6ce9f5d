import { useState } from "react";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { formatDate, formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql, type ResultOf } from "../../../lib/graphql";

const ConnectedAppsPage_Apps = graphql(`
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
`);

type ConnectedApp = NonNullable<ResultOf<typeof ConnectedAppsPage_Apps>["viewer"]>["connectedApps"][number];

const ConnectedAppsPage_Revoke = graphql(
  `
    mutation ConnectedAppsPage_Revoke($input: RevokeConsentInput!) {
      revokeConsent(input: $input) {
        __typename
        ... on RevokeConsentSuccess {
          data {
            id
            revokedAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function ConnectedAppsPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ConnectedAppsPage_Apps,
    requestPolicy: "cache-and-network",
  });
  const [revoking, setRevoking] = useState<ConnectedApp | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const apps = data?.viewer?.connectedApps;

  return (
    <SectionCard
      id="apps-title"
      title="Connected apps"
      description="Apps you allowed to use your Gatehouse account. Revoking one stops it from reading your details; it will ask you again the next time you sign in to it."
    >
      <title>Connected apps · Gatehouse</title>
      {revoked ? <Alert tone="success">{revoked} can no longer access your account.</Alert> : null}
      {error && !data ? (
        <LoadFailed
          className="stack"
          title="We couldn't load your connected apps"
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
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
      <ConfirmMutationDialog
        open={revoking !== null}
        title={`Revoke access for ${revoking?.client.name ?? "this app"}?`}
        confirmLabel="Revoke access"
        document={ConnectedAppsPage_Revoke}
        variables={() => ({ input: { consentId: revoking?.id ?? "" } })}
        pick={(result) => result.revokeConsent}
        fallback="We couldn't revoke access."
        onDone={() => {
          setRevoked(revoking?.client.name ?? null);
          reexecute({ requestPolicy: "network-only" });
        }}
        onClose={() => setRevoking(null)}
      >
        <p>
          {revoking?.client.name} will no longer be able to read your details. If you sign in to it again, Gatehouse
          asks for your permission first.
        </p>
      </ConfirmMutationDialog>
    </SectionCard>
  );
}
