import { Link, Outlet, useParams } from "react-router";
import { useQuery } from "urql";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { PageLoading } from "../../../components/ui/Spinner";
import { type TabItem, Tabs } from "../../../components/ui/Tabs";
import { type ClientDashboardContext, DashboardClientFields } from "../shared";
import { TwoFactorRequired } from "./TwoFactorRequired";
import "../clients.css";
import { graphql } from "../../../lib/graphql";

const ClientDashboardLayout_Client = graphql(
  `
    query ClientDashboardLayout_Client($id: ID!) {
      client(id: $id) {
        ...DashboardClientFields
      }
      viewer {
        id
        twoFactorRequiredFor(clientId: $id)
      }
    }
  `,
  [DashboardClientFields],
);

function sections(clientId: string): TabItem[] {
  const base = `/clients/${clientId}`;
  return [
    { to: base, label: "Overview", end: true },
    { to: `${base}/domains`, label: "Domains" },
    { to: `${base}/scopes`, label: "Client Scopes" },
    { to: `${base}/secrets`, label: "Client Secrets" },
    { to: `${base}/users`, label: "Users" },
    { to: `${base}/verification`, label: "Verification" },
    { to: `${base}/members`, label: "Members" },
    { to: `${base}/roles`, label: "Roles" },
    { to: `${base}/audit`, label: "Audit log" },
  ];
}

/** /clients/:clientId: the client's name, the section nav, and the section below it. */
export function ClientDashboardLayout() {
  const { clientId = "" } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ClientDashboardLayout_Client,
    variables: { id: clientId },
    requestPolicy: "cache-and-network",
  });

  if (!data) {
    if (error) {
      return (
        <LoadFailed
          className="stack"
          retryVariant="primary"
          title="We couldn't load this client"
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      );
    }
    if (fetching) return <PageLoading label="Loading client…" />;
  }

  const client = data?.client;
  if (!client && data?.viewer?.twoFactorRequiredFor) return <TwoFactorRequired />;
  if (!client) {
    return (
      <Card centered aria-labelledby="client-missing-title">
        <div className="stack-sm">
          <h1 id="client-missing-title">Client not found</h1>
          <p className="muted">It does not exist, or you are not a member of it.</p>
          <p>
            <Link to="/clients">Back to my clients</Link>
          </p>
        </div>
      </Card>
    );
  }

  const context: ClientDashboardContext = {
    client,
    refreshClient: () => reexecute({ requestPolicy: "network-only" }),
  };

  return (
    <div>
      <title>{`${client.name} · Gatehouse`}</title>
      <p className="dashboard-crumb">
        <Link to="/clients">My clients</Link>
      </p>
      <div className="dashboard-head">
        <h1>{client.name}</h1>
        <Badge tone={client.verification === "VERIFIED" ? "success" : "neutral"}>
          {client.verification === "VERIFIED" ? "Verified" : "Unverified"}
        </Badge>
      </div>
      <Tabs items={sections(client.id)} label="Client sections" />
      <Outlet context={context} />
    </div>
  );
}
