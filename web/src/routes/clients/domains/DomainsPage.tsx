import { Link } from "react-router";
import { useQuery } from "urql";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { CopyField } from "../../../components/ui/CopyButton";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { graphql } from "../../../lib/graphql";
import { can, useClientDashboard } from "../shared";
import { CreateDomainCard } from "./CreateDomainCard";

const DomainsPage_Domains = graphql(`
  query DomainsPage_Domains($id: ID!) {
    client(id: $id) {
      id
      domains {
        id
        rootDomain
        internalName
        publicId
        primary
        active
        allowLogin
        allowApi
        testMode
        ownershipVerified
      }
    }
  }
`);

export function DomainsPage() {
  const { client } = useClientDashboard();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DomainsPage_Domains,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const domains = data?.client?.domains ?? [];

  return (
    <div className="stack">
      <Card aria-labelledby="domains-title">
        <h2 id="domains-title">Domains</h2>
        <p className="muted">The sites your app runs on. Each has a domain ID your app sends with its API calls.</p>
        {!data && fetching ? (
          <StatusBlock label="Loading domains…" />
        ) : error && !data ? (
          <LoadFailed
            title="We couldn't load the domains"
            error={error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : domains.length === 0 ? (
          <EmptyState title="No domains yet">Add the domain your app runs on below.</EmptyState>
        ) : (
          <Table caption="Domains" columns={["Domain", "Domain ID", "Status"]}>
            {domains.map((domain) => (
              <tr key={domain.id}>
                <td data-label="Domain">
                  <span className="stack-sm" style={{ gap: 0 }}>
                    <Link to={`/clients/${client.id}/domains/${domain.id}`}>
                      <strong>{domain.rootDomain}</strong>
                    </Link>
                    {domain.internalName ? <span className="muted">{domain.internalName}</span> : null}
                  </span>
                </td>
                <td data-label="Domain ID">
                  <CopyField value={domain.publicId} label={`Copy domain ID of ${domain.rootDomain}`} />
                </td>
                <td data-label="Status">
                  <span className="kv-inline">
                    {domain.primary ? <Badge tone="info">Primary</Badge> : null}
                    <Badge tone={domain.active ? "success" : "neutral"}>{domain.active ? "Active" : "Inactive"}</Badge>
                    {domain.allowLogin ? <Badge tone="success">Login</Badge> : null}
                    {domain.allowApi ? <Badge tone="success">API</Badge> : null}
                    {domain.testMode ? <Badge tone="warning">Test mode</Badge> : null}
                    {domain.ownershipVerified ? null : <Badge tone="warning">Unverified</Badge>}
                  </span>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <CreateDomainCard clientId={client.id} allowed={can(client, "DOMAINS_MANAGE")} />
    </div>
  );
}
