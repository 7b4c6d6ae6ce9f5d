import { Link, Outlet, useParams } from "react-router";
import { useQuery } from "urql";
import { SecondFactorRequired } from "../../../components/auth/SecondFactorRequired";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { PageLoading } from "../../../components/ui/Spinner";
import { type TabItem, Tabs } from "../../../components/ui/Tabs";
import { type ClientDashboardContext, DashboardClientFields } from "../shared";
import "../clients.css";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
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

function sections(t: TFunction<"clients">, clientId: string): TabItem[] {
  const base = `/clients/${clientId}`;
  return [
    { to: base, label: t("sections.overview"), end: true },
    { to: `${base}/domains`, label: t("sections.domains") },
    { to: `${base}/scopes`, label: t("sections.scopes") },
    { to: `${base}/secrets`, label: t("sections.secrets") },
    { to: `${base}/users`, label: t("sections.users") },
    { to: `${base}/verification`, label: t("sections.verification") },
    { to: `${base}/members`, label: t("sections.members") },
    { to: `${base}/roles`, label: t("sections.roles") },
    { to: `${base}/audit`, label: t("sections.audit") },
  ];
}

/** /clients/:clientId: the client's name, the section nav, and the section below it. */
export function ClientDashboardLayout() {
  const { t } = useTranslation("clients");
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
          title={t("dashboard.loadFailed")}
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      );
    }
    if (fetching) return <PageLoading label={t("dashboard.loading")} />;
  }

  const client = data?.client;
  if (!client && data?.viewer?.twoFactorRequiredFor)
    return (
      <SecondFactorRequired
        title={t("twoFactorRequired.title")}
        body={t("twoFactorRequired.body")}
        back={{ to: "/clients", label: t("backToClients") }}
      />
    );
  if (!client) {
    return (
      <Card centered aria-labelledby="client-missing-title">
        <div className="stack-sm">
          <h1 id="client-missing-title">{t("dashboard.notFoundTitle")}</h1>
          <p className="muted">{t("dashboard.notFoundBody")}</p>
          <p>
            <Link to="/clients">{t("backToClients")}</Link>
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
        <Link to="/clients">{t("list.title")}</Link>
      </p>
      <div className="dashboard-head">
        <h1>{client.name}</h1>
        <Badge tone={client.verification === "VERIFIED" ? "success" : "neutral"}>
          {client.verification === "VERIFIED" ? t("verified") : t("unverified")}
        </Badge>
      </div>
      <Tabs items={sections(t, client.id)} label={t("sections.label")} />
      <Outlet context={context} />
    </div>
  );
}
