import { SectionHead } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { formatDateTime } from "../../../lib/format";
import { VERIFICATION_STATUS, type VerificationRequest } from "./verification-fields";

/** The client's verification requests with their status and review note. */
export function RequestHistory({ requests }: { requests: readonly VerificationRequest[] }) {
  return (
    <Card aria-labelledby="history-title">
      <SectionHead id="history-title" title="Request history" />
      {requests.length === 0 ? (
        <EmptyState title="No requests yet">
          Requests you file appear here with their status and review note.
        </EmptyState>
      ) : (
        <ul className="team-list" aria-label="Verification requests">
          {requests.map((request) => (
            <li key={request.id} className="team-item">
              <div className="team-item-head">
                <h3>Requested {formatDateTime(request.createdAt)}</h3>
                <Badge tone={VERIFICATION_STATUS[request.status].tone}>
                  {VERIFICATION_STATUS[request.status].label}
                </Badge>
              </div>
              <p className="team-cell-sub">
                Domains: {request.domains.map((domain) => domain.rootDomain).join(", ") || "—"} · Scopes:{" "}
                {request.scopes.join(", ") || "—"}
              </p>
              {request.notes ? <p className="team-note">{request.notes}</p> : null}
              {request.reviewedAt ? (
                <div>
                  <p className="team-cell-sub">Reviewed {formatDateTime(request.reviewedAt)}</p>
                  {request.reviewNote ? <p className="team-note">{request.reviewNote}</p> : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
