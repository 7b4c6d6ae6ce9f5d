import type { BadgeTone } from "../../../components/ui/Badge";
import { i18n } from "../../../i18n/i18n";
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
  if (request.revokedAt) return { label: i18n.t("clients:verification.status.REVOKED"), tone: "danger" };
  return { label: i18n.t(`clients:verification.status.${request.status}`), tone: VERIFICATION_TONE[request.status] };
}

const VERIFICATION_TONE: Record<VerificationRequest["status"], BadgeTone> = {
  PENDING: "warning",
  APPROVED: "success",
  REJECTED: "danger",
  CANCELLED: "neutral",
};
