import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Card } from "../../../components/ui/Card";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { graphql } from "../../../lib/graphql";
import { useClientDashboard } from "../shared";
import { ConnectPanel, OverviewClientFields } from "./ConnectPanel";
import { DeleteClientCard } from "./DeleteClientCard";
import { LogoCard } from "./LogoCard";
import { RenameCard } from "./RenameCard";
import { TwoFactorPolicyCard } from "./TwoFactorPolicyCard";

const OverviewPage_Client = graphql(
  `
    query OverviewPage_Client($id: ID!) {
      client(id: $id) {
        ...OverviewClientFields
      }
    }
  `,
  [OverviewClientFields],
);

export function OverviewPage() {
  const { t } = useTranslation("clients");
  const { client } = useClientDashboard();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OverviewPage_Client,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });

  return (
    <div className="stack">
      <Card aria-labelledby="connect-title">
        <h2 id="connect-title">{t("overview.connectTitle")}</h2>
        <p className="muted">{t("overview.connectIntro")}</p>
        {!data && fetching ? (
          <StatusBlock label={t("overview.loading")} />
        ) : error && !data ? (
          <LoadFailed
            title={t("overview.loadFailed")}
            error={error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : data?.client ? (
          <ConnectPanel client={data.client} />
        ) : null}
      </Card>
      <RenameCard client={client} />
      <LogoCard client={client} />
      <TwoFactorPolicyCard client={client} />
      <DeleteClientCard client={client} />
    </div>
  );
}
