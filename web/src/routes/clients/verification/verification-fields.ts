import type { BadgeTone } from "../../../components/ui/Badge";
import { type FragmentOf, graphql } from "../../../lib/graphql";

export const VerificationRequestFields = graphql(`
  fragment VerificationRequestFields on VerificationRequest {
    id
    status
    notes
    reviewNote
    reviewedAt
    revokedAt
    revokeNote
    createdAt
    domains {
      domainId
      rootDomain
      approved
    }
    scopes
    approvedScopes
  }
`);

export type VerificationRequest = FragmentOf<typeof VerificationRequestFields>;

/** The badge of a request; an approval staff revoked later reads as revoked. */
export function requestBadge(request: VerificationRequest): { label: string; tone: BadgeTone } {
  if (request.revokedAt) return { label: "Revoked", tone: "danger" };
  return VERIFICATION_STATUS[request.status];
}

export const VERIFICATION_STATUS: Record<VerificationRequest["status"], { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Pending review", tone: "warning" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};
