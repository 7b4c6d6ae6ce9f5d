import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { ClientNotFound, lacking, SectionHead } from "../../../components/team/team-kit";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { graphql } from "../../../lib/graphql";
import { useClientDashboard } from "../shared";
import { NewRequestForm } from "./NewRequestForm";
import { RequestHistory } from "./RequestHistory";
import { VerificationRequestFields } from "./verification-fields";

const VerificationPage_Data = graphql(
  `
    query VerificationPage_Data($id: ID!) {
      client(id: $id) {
        id
        verification
        domains {
          id
          rootDomain
          primary
        }
        verificationRequests {
          ...VerificationRequestFields
        }
      }
      scopes {
        key
        description
        tier
      }
    }
  `,
  [VerificationRequestFields],
);

/** Verification Center: ask Gatehouse staff to verify the client, and the history of requests. */
export function VerificationPage() {
  const { t } = useTranslation("clients");
  const { client: viewer } = useClientDashboard();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: VerificationPage_Data,
    variables: { id: viewer.id },
    requestPolicy: "cache-and-network",
  });
  const [notice, setNotice] = useState<string | null>(null);
  const client = data?.client;
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  return (
    <div className="stack">
      <title>{t("verification.documentTitle")}</title>
      <Card aria-labelledby="verification-title">
        <SectionHead id="verification-title" title={t("verification.title")}>
          {t("verification.intro")}
        </SectionHead>
        <div className="stack">
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          {error && !data ? (
            <LoadFailed className="stack" title={t("verification.loadFailed")} error={error} onRetry={refresh} />
          ) : fetching && !data ? (
            <StatusBlock label={t("verification.loading")} />
          ) : !client ? (
            <ClientNotFound />
          ) : (
            <p>
              {t("verification.statusLabel")}{" "}
              {client.verification === "VERIFIED" ? (
                <Badge tone="success">{t("verified")}</Badge>
              ) : (
                <Badge tone="warning">{t("verification.notVerified")}</Badge>
              )}
            </p>
          )}
        </div>
      </Card>
      {client && data ? (
        <>
          <NewRequestForm
            clientId={client.id}
            noManage={lacking(viewer, "VERIFICATION_MANAGE")}
            domains={client.domains}
            scopes={data.scopes.filter((scope) => scope.tier === "VERIFIED")}
            pending={client.verificationRequests.some((request) => request.status === "PENDING")}
            onSent={() => {
              setNotice(t("verification.sent"));
              refresh();
            }}
          />
          <RequestHistory
            requests={client.verificationRequests}
            canCancel={!lacking(viewer, "VERIFICATION_MANAGE")}
            onCancelled={() => {
              setNotice(t("verification.cancelled"));
              refresh();
            }}
          />
        </>
      ) : null}
    </div>
  );
}
