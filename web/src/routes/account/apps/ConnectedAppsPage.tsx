import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { scopeDescription } from "../../../i18n/scopes";
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
  const { t } = useTranslation("account");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ConnectedAppsPage_Apps,
    requestPolicy: "cache-and-network",
  });
  const [revoking, setRevoking] = useState<ConnectedApp | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const apps = data?.viewer?.connectedApps;

  return (
    <SectionCard id="apps-title" title={t("apps.title")} description={t("apps.description")}>
      <title>{t("apps.tabTitle")}</title>
      {revoked ? <Alert tone="success">{t("apps.revoked", { app: revoked })}</Alert> : null}
      {error && !data ? (
        <LoadFailed
          className="stack"
          title={t("apps.loadFailed")}
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      ) : fetching && !apps ? (
        <StatusBlock label={t("apps.loading")} />
      ) : apps && apps.length === 0 ? (
        <EmptyState title={t("apps.emptyTitle")}>{t("apps.emptyBody")}</EmptyState>
      ) : apps ? (
        <ul className="item-list" aria-label={t("apps.list")}>
          {apps.map((app) => (
            <li key={app.id} className="item" aria-labelledby={`app-${app.id}`}>
              <div className="item-head">
                <span className="item-avatar" aria-hidden="true">
                  {app.client.name.trim().charAt(0).toUpperCase() || "?"}
                </span>
                <div className="item-title">
                  <h3 id={`app-${app.id}`}>{app.client.name}</h3>
                  <p className="item-meta">
                    {t("apps.allowed", { date: formatDate(app.grantedAt) })}
                    {" · "}
                    {app.lastLoginAt
                      ? t("apps.lastSignIn", { date: formatDateTime(app.lastLoginAt) })
                      : t("apps.noSignIn")}
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
                    aria-label={t("apps.revokeLabel", { app: app.client.name })}
                  >
                    {t("apps.revoke")}
                  </Button>
                </div>
              </div>
              <div className="item-body">
                <p className="item-label">{t("apps.itCan")}</p>
                {app.scopes.length > 0 ? (
                  <ul className="scope-words">
                    {app.scopes.map((scope) => (
                      <li key={scope.key}>
                        {scopeDescription(scope)} <code className="scope-key">{scope.key}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("apps.nothing")}</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmMutationDialog
        open={revoking !== null}
        title={t("apps.revokeTitle", { app: revoking?.client.name ?? t("apps.thisApp") })}
        confirmLabel={t("apps.revoke")}
        document={ConnectedAppsPage_Revoke}
        variables={() => ({ input: { consentId: revoking?.id ?? "" } })}
        pick={(result) => result.revokeConsent}
        fallback={t("apps.revokeFailed")}
        onDone={() => {
          setRevoked(revoking?.client.name ?? null);
          reexecute({ requestPolicy: "network-only" });
        }}
        onClose={() => setRevoking(null)}
      >
        <p>{t("apps.revokeBody", { app: revoking?.client.name ?? t("apps.thisApp") })}</p>
      </ConfirmMutationDialog>
    </SectionCard>
  );
}
