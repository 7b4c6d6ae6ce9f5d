import { Link } from "react-router";
import { useQuery } from "urql";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { graphql } from "../../../lib/graphql";
import { CreateClientCard } from "./CreateClientCard";
import "../clients.css";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

const ClientsPage_Clients = graphql(`
  query ClientsPage_Clients {
    viewer {
      id
      plan
      canCreateClients
    }
    clients(first: 100) {
      edges {
        node {
          id
          name
          verification
          myPermissions
          myRoleLevel
          secretCount
          domains {
            id
            rootDomain
          }
        }
      }
    }
  }
`);

/** Owner is level 100 in the built-in roles; anything else is described by what it may do. */
function roleSummary(
  t: TFunction<"clients">,
  client: { myRoleLevel: number | null; myPermissions: readonly unknown[] },
): string {
  if (client.myRoleLevel === 100) return t("list.owner");
  const count = client.myPermissions.length;
  if (count === 0) return t("list.readOnly");
  return t("list.permissions", { count });
}

export function ClientsPage() {
  const { t } = useTranslation("clients");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ClientsPage_Clients,
    requestPolicy: "cache-and-network",
  });
  const clients = data?.clients.edges.map((edge) => edge.node) ?? [];

  return (
    <div className="stack">
      <title>{t("list.documentTitle")}</title>
      <header className="page-header">
        <h1>{t("list.title")}</h1>
        <p className="muted">{t("list.intro")}</p>
      </header>

      <Card aria-labelledby="clients-list-title">
        <h2 id="clients-list-title">{t("list.yourClients")}</h2>
        {!data && fetching ? (
          <StatusBlock label={t("list.loading")} />
        ) : error && !data ? (
          <LoadFailed
            title={t("list.loadFailed")}
            error={error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : clients.length === 0 ? (
          <EmptyState title={t("list.emptyTitle")}>{t("list.emptyBody")}</EmptyState>
        ) : (
          <ul className="client-list">
            {clients.map((client) => (
              <li key={client.id} className="client-list-item">
                <div className="client-list-main">
                  <Link to={`/clients/${client.id}`} className="client-list-name">
                    {client.name}
                  </Link>
                  <span className="muted client-list-meta">
                    {client.domains.length === 0
                      ? t("list.noDomains")
                      : client.domains.map((domain) => domain.rootDomain).join(", ")}
                    {" · "}
                    {t("list.activeSecrets", { count: client.secretCount })}
                  </span>
                </div>
                <div className="client-list-badges">
                  <Badge tone={client.verification === "VERIFIED" ? "success" : "neutral"}>
                    {client.verification === "VERIFIED" ? t("verified") : t("unverified")}
                  </Badge>
                  <Badge tone="info">{roleSummary(t, client)}</Badge>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <CreateClientCard allowed={data?.viewer?.canCreateClients ?? null} />
    </div>
  );
}
