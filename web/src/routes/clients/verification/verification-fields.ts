import type { BadgeTone } from "../../../components/ui/Badge";
import { type FragmentOf, graphql } from "../../../lib/graphql";

export const VerificationRequestFields = graphql(`
  fragment VerificationRequestFields on VerificationRequest {
    id
    status
    notes
    reviewNote
    reviewedAt
    createdAt
    domains {
      domainId
      rootDomain
    }
    scopes
  }
`);

export type VerificationRequest = FragmentOf<typeof VerificationRequestFields>;

export const VERIFICATION_STATUS: Record<VerificationRequest["status"], { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Pending review", tone: "warning" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};
