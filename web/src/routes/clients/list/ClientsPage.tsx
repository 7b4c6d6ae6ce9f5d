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
function roleSummary(client: { myRoleLevel: number | null; myPermissions: readonly unknown[] }): string {
  if (client.myRoleLevel === 100) return "Owner";
  const count = client.myPermissions.length;
  if (count === 0) return "Read only";
  return `${count} permission${count === 1 ? "" : "s"}`;
}

export function ClientsPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ClientsPage_Clients,
    requestPolicy: "cache-and-network",
  });
  const clients = data?.clients.edges.map((edge) => edge.node) ?? [];

  return (
    <div className="stack">
      <title>My clients · Gatehouse</title>
      <header className="page-header">
        <h1>My clients</h1>
        <p className="muted">Each client is one app that signs people in with Gatehouse.</p>
      </header>

      <Card aria-labelledby="clients-list-title">
        <h2 id="clients-list-title">Your clients</h2>
        {!data && fetching ? (
          <StatusBlock label="Loading your clients…" />
        ) : error && !data ? (
          <LoadFailed
            title="We couldn't load your clients"
            error={error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : clients.length === 0 ? (
          <EmptyState title="No clients yet">
            Create your first client below, then add a domain and a secret to connect your app.
          </EmptyState>
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
                      ? "No domains yet"
                      : client.domains.map((domain) => domain.rootDomain).join(", ")}
                    {" · "}
                    {client.secretCount} active secret{client.secretCount === 1 ? "" : "s"}
                  </span>
                </div>
                <div className="client-list-badges">
                  <Badge tone={client.verification === "VERIFIED" ? "success" : "neutral"}>
                    {client.verification === "VERIFIED" ? "Verified" : "Unverified"}
                  </Badge>
                  <Badge tone="info">{roleSummary(client)}</Badge>
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
