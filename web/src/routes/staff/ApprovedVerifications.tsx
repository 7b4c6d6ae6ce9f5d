import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { SectionHead } from "../../components/team/team-kit";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ConfirmMutationDialog } from "../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../components/ui/EmptyState";
import { TextAreaField } from "../../components/ui/Field";
import { LoadFailed } from "../../components/ui/LoadFailed";
import { StatusBlock } from "../../components/ui/Spinner";
import { formatDateTime } from "../../lib/format";
import { ErrorFields, graphql, type ResultOf } from "../../lib/graphql";

const ApprovedVerifications_List = graphql(`
  query ApprovedVerifications_List {
    verificationQueue(status: APPROVED, first: 50) {
      edges {
        node {
          id
          reviewedAt
          revokedAt
          approvedScopes
          client {
            id
            name
          }
          domains {
            domainId
            rootDomain
            approved
          }
        }
      }
    }
  }
`);

const ApprovedVerifications_Revoke = graphql(
  `
    mutation ApprovedVerifications_Revoke($input: RevokeVerificationInput!) {
      revokeVerification(input: $input) {
        __typename
        ... on RevokeVerificationSuccess {
          data {
            id
            revokedAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Approved = ResultOf<typeof ApprovedVerifications_List>["verificationQueue"]["edges"][number]["node"];

const LIST_CONTEXT = { additionalTypenames: ["VerificationRequest"] };

/** Live approvals, oldest first; staff revoke one with a note the client's owners receive. */
export function ApprovedVerifications() {
  const { t } = useTranslation("staff");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ApprovedVerifications_List,
    requestPolicy: "cache-and-network",
    // Refetched when a review elsewhere on the page changes a request, even while this list is empty.
    context: LIST_CONTEXT,
  });
  const [revoking, setRevoking] = useState<Approved | null>(null);
  const [note, setNote] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const live = (data?.verificationQueue.edges ?? []).map((edge) => edge.node).filter((node) => !node.revokedAt);

  return (
    <Card aria-labelledby="approved-title">
      <SectionHead id="approved-title" title={t("approved.title")}>
        {t("approved.intro")}
      </SectionHead>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error && !data ? (
        <LoadFailed className="stack" title={t("approved.loadFailed")} error={error} onRetry={refresh} />
      ) : fetching && !data ? (
        <StatusBlock label={t("approved.loading")} />
      ) : live.length === 0 ? (
        <EmptyState title={t("approved.emptyTitle")}>{t("approved.emptyBody")}</EmptyState>
      ) : (
        <ul className="team-list" aria-label={t("approved.title")}>
          {live.map((item) => (
            <li key={item.id} className="team-item">
              <div className="team-item-head">
                <h3>{item.client.name}</h3>
                <Button
                  variant="danger"
                  className="btn-sm"
                  onClick={() => setRevoking(item)}
                  aria-label={t("approved.revokeLabel", { name: item.client.name })}
                >
                  {t("approved.revoke")}
                </Button>
              </div>
              <p className="team-cell-sub">
                {t("approved.summary", {
                  approved: formatDateTime(item.reviewedAt),
                  domains: item.domains
                    .filter((d) => d.approved !== false)
                    .map((d) => d.rootDomain)
                    .join(", "),
                  scopes: item.approvedScopes.join(", ") || "—",
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ConfirmMutationDialog
        open={revoking !== null}
        title={t("approved.confirmTitle", { name: revoking?.client.name ?? "" })}
        confirmLabel={t("approved.confirm")}
        confirmDisabled={!note.trim()}
        document={ApprovedVerifications_Revoke}
        variables={() => ({ input: { requestId: revoking?.id ?? "", note: note.trim() } })}
        pick={(result) => result.revokeVerification}
        fallback={t("approved.failed")}
        onDone={() => {
          setNotice(t("approved.revoked", { name: revoking?.client.name ?? "" }));
          refresh();
        }}
        onClose={() => {
          setRevoking(null);
          setNote("");
        }}
      >
        <TextAreaField
          label={t("approved.why")}
          name="revokeNote"
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </ConfirmMutationDialog>
    </Card>
  );
}
