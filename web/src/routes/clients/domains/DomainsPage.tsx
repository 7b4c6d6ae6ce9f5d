import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("clients");
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
        <h2 id="domains-title">{t("domains.title")}</h2>
        <p className="muted">{t("domains.intro")}</p>
        {!data && fetching ? (
          <StatusBlock label={t("domains.loading")} />
        ) : error && !data ? (
          <LoadFailed
            title={t("domains.loadFailed")}
            error={error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : domains.length === 0 ? (
          <EmptyState title={t("list.noDomains")}>{t("domains.emptyBody")}</EmptyState>
        ) : (
          <Table
            caption={t("domains.title")}
            columns={[t("domains.domain"), t("connect.domainId"), t("secrets.status.label")]}
          >
            {domains.map((domain) => (
              <tr key={domain.id}>
                <td data-label={t("domains.domain")}>
                  <span className="stack-sm" style={{ gap: 0 }}>
                    <Link to={`/clients/${client.id}/domains/${domain.id}`}>
                      <strong>{domain.rootDomain}</strong>
                    </Link>
                    {domain.internalName ? <span className="muted">{domain.internalName}</span> : null}
                  </span>
                </td>
                <td data-label={t("connect.domainId")}>
                  <CopyField value={domain.publicId} label={t("connect.copyDomainId", { domain: domain.rootDomain })} />
                </td>
                <td data-label={t("secrets.status.label")}>
                  <span className="kv-inline">
                    {domain.primary ? <Badge tone="info">{t("connect.primary")}</Badge> : null}
                    <Badge tone={domain.active ? "success" : "neutral"}>
                      {domain.active ? t("secrets.status.active") : t("connect.inactive")}
                    </Badge>
                    {domain.allowLogin ? <Badge tone="success">{t("domains.login")}</Badge> : null}
                    {domain.allowApi ? <Badge tone="success">API</Badge> : null}
                    {domain.testMode ? <Badge tone="warning">{t("domains.testMode")}</Badge> : null}
                    {domain.ownershipVerified ? null : <Badge tone="warning">{t("unverified")}</Badge>}
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
