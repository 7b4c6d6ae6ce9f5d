import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { graphql } from "../../../lib/graphql";
import { can, missingPermissionReason, useClientDashboard } from "../shared";
import { CreateSecretCard } from "./CreateSecretCard";
import { type CreatedSecret, SecretReveal } from "./SecretReveal";
import { SecretsTable } from "./SecretsTable";
import { SecretFields } from "./secret-fields";

const SecretsPage_Secrets = graphql(
  `
    query SecretsPage_Secrets($id: ID!) {
      client(id: $id) {
        id
        domains {
          id
          rootDomain
        }
        secrets {
          ...SecretFields
        }
      }
    }
  `,
  [SecretFields],
);

export function SecretsPage() {
  const { t } = useTranslation("clients");
  const { client } = useClientDashboard();
  const allowed = can(client, "SECRETS_MANAGE");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SecretsPage_Secrets,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const [created, setCreated] = useState<CreatedSecret | null>(null);
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
        <h2 id="secrets-title">{t("sections.secrets")}</h2>
        <p className="muted">{t("secrets.intro")}</p>
        {!allowed ? (
          <p className="reason">{missingPermissionReason("SECRETS_MANAGE")}</p>
        ) : !data && fetching ? (
          <StatusBlock label={t("secrets.loading")} />
        ) : error && !data ? (
          <LoadFailed title={t("secrets.loadFailed")} error={error} onRetry={refresh} />
        ) : !secrets || secrets.length === 0 ? (
          <EmptyState title={t("secrets.emptyTitle")}>{t("secrets.emptyBody")}</EmptyState>
        ) : (
          <SecretsTable secrets={secrets} onChanged={refresh} onRotated={setCreated} />
        )}
      </Card>
    </div>
  );
}
