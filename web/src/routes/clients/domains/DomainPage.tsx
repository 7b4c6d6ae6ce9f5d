import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { CopyField } from "../../../components/ui/CopyButton";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { graphql } from "../../../lib/graphql";
import { can, missingPermissionReason, useClientDashboard } from "../shared";
import { DeleteDomainCard } from "./DeleteDomainCard";
import { DomainFields } from "./domain-fields";
import { FlagsCard } from "./FlagsCard";
import { OwnershipCard } from "./OwnershipCard";
import { SecretConnectionsCard, SecretSummaryFields } from "./SecretConnectionsCard";
import { SettingsCard } from "./SettingsCard";
import { UrlsCard } from "./UrlsCard";

const DomainPage_Domain = graphql(
  `
    query DomainPage_Domain($id: ID!) {
      client(id: $id) {
        id
        domains {
          ...DomainFields
        }
        secrets {
          ...SecretSummaryFields
        }
      }
    }
  `,
  [DomainFields, SecretSummaryFields],
);

export function DomainPage() {
  const { t } = useTranslation("clients");
  const { client } = useClientDashboard();
  const { domainId = "" } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DomainPage_Domain,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const domain = data?.client?.domains.find((d) => d.id === domainId);
  const allowed = can(client, "DOMAINS_MANAGE");
  const back = (
    <p className="dashboard-crumb">
      <Link to={`/clients/${client.id}/domains`}>{t("domains.all")}</Link>
    </p>
  );

  if (!data && fetching) return <StatusBlock label={t("domains.loadingOne")} />;
  if (error && !data) {
    return <LoadFailed title={t("domains.loadOneFailed")} error={error} onRetry={refresh} />;
  }
  if (!domain) {
    return (
      <div className="stack-sm">
        {back}
        <EmptyState title={t("domains.notFoundTitle")}>{t("domains.notFoundBody")}</EmptyState>
      </div>
    );
  }

  return (
    <div className="stack">
      <div>
        {back}
        <div className="section-head">
          <div>
            <h2 className="domain-title">{domain.rootDomain}</h2>
            <span className="kv-inline">
              <span className="muted">{t("connect.domainId")}</span>
              <CopyField value={domain.publicId} label={t("connect.copyDomainId", { domain: domain.rootDomain })} />
            </span>
          </div>
          <span className="kv-inline">
            {domain.primary ? <Badge tone="info">{t("connect.primary")}</Badge> : null}
            <Badge tone={domain.active ? "success" : "neutral"}>
              {domain.active ? t("secrets.status.active") : t("connect.inactive")}
            </Badge>
            {domain.testMode ? <Badge tone="warning">{t("domains.testMode")}</Badge> : null}
            {domain.ownershipVerified ? null : <Badge tone="warning">{t("unverified")}</Badge>}
          </span>
        </div>
      </div>
      {!allowed ? <Alert tone="info">{missingPermissionReason("DOMAINS_MANAGE")}</Alert> : null}
      <OwnershipCard domain={domain} allowed={allowed} />
      <FlagsCard domain={domain} allowed={allowed} />
      <SettingsCard domain={domain} allowed={allowed} />
      <UrlsCard domain={domain} allowed={allowed} onChanged={refresh} />
      <SecretConnectionsCard
        domain={domain}
        secrets={data?.client?.secrets ?? null}
        allowed={can(client, "SECRETS_MANAGE")}
        onChanged={refresh}
      />
      <DeleteDomainCard domain={domain} clientId={client.id} allowed={allowed} />
    </div>
  );
}
