import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SectionHead } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { requestBadge, type VerificationRequest } from "./verification-fields";

const RequestHistory_Cancel = graphql(
  `
    mutation RequestHistory_Cancel($input: CancelVerificationRequestInput!) {
      cancelVerificationRequest(input: $input) {
        __typename
        ... on CancelVerificationRequestSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** What staff approved of a request: only those domains and scopes are verified. */
function Decision({ request }: { request: VerificationRequest }) {
  const { t } = useTranslation("clients");
  if (request.status !== "APPROVED") return null;
  const domains = request.domains.filter((domain) => domain.approved !== false).map((domain) => domain.rootDomain);
  const left = request.domains.length - domains.length + request.scopes.length - request.approvedScopes.length;
  return (
    <p className="team-cell-sub" data-testid="approved-part">
      {t(left > 0 ? "verification.approvedPart" : "verification.approved", {
        domains: domains.join(", "),
        scopes: request.approvedScopes.join(", ") || t("verification.noScopes"),
      })}
    </p>
  );
}

/** The client's verification requests with their status, the decision and its note; a pending one can be cancelled. */
export function RequestHistory({
  requests,
  canCancel,
  onCancelled,
}: {
  requests: readonly VerificationRequest[];
  canCancel: boolean;
  onCancelled: () => void;
}) {
  const { t } = useTranslation("clients");
  const [cancelling, setCancelling] = useState<VerificationRequest | null>(null);
  return (
    <Card aria-labelledby="history-title">
      <SectionHead id="history-title" title={t("verification.history")} />
      {requests.length === 0 ? (
        <EmptyState title={t("verification.emptyTitle")}>{t("verification.emptyBody")}</EmptyState>
      ) : (
        <ul className="team-list" aria-label={t("verification.listLabel")}>
          {requests.map((request) => (
            <li key={request.id} className="team-item">
              <div className="team-item-head">
                <h3>{t("verification.requested", { date: formatDateTime(request.createdAt) })}</h3>
                <Badge tone={requestBadge(request).tone}>{requestBadge(request).label}</Badge>
              </div>
              <p className="team-cell-sub">
                {t("verification.askedFor", {
                  domains: request.domains.map((domain) => domain.rootDomain).join(", ") || "—",
                  scopes: request.scopes.join(", ") || "—",
                })}
              </p>
              <Decision request={request} />
              {request.notes ? <p className="team-note">{request.notes}</p> : null}
              {request.reviewedAt ? (
                <div>
                  <p className="team-cell-sub">
                    {t("verification.reviewed", { date: formatDateTime(request.reviewedAt) })}
                  </p>
                  {request.reviewNote ? <p className="team-note">{request.reviewNote}</p> : null}
                </div>
              ) : null}
              {request.revokedAt ? (
                <div>
                  <p className="team-cell-sub">
                    {t("verification.revoked", { date: formatDateTime(request.revokedAt) })}
                  </p>
                  {request.revokeNote ? <p className="team-note">{request.revokeNote}</p> : null}
                </div>
              ) : null}
              {request.status === "PENDING" && canCancel ? (
                <div>
                  <Button variant="secondary" className="btn-sm" onClick={() => setCancelling(request)}>
                    {t("verification.cancel")}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ConfirmMutationDialog
        open={cancelling !== null}
        title={t("verification.cancelTitle")}
        confirmLabel={t("verification.cancel")}
        cancelLabel={t("verification.keep")}
        document={RequestHistory_Cancel}
        variables={() => ({ input: { requestId: cancelling?.id ?? "" } })}
        pick={(data) => data.cancelVerificationRequest}
        fallback={t("verification.cancelFailed")}
        onDone={onCancelled}
        onClose={() => setCancelling(null)}
      >
        <p>{t("verification.cancelBody")}</p>
      </ConfirmMutationDialog>
    </Card>
  );
}
