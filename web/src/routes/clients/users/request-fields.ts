import type { BadgeTone } from "../../../components/ui/Badge";
import { type FragmentOf, graphql } from "../../../lib/graphql";

export const SentRequestFields = graphql(`
  fragment SentRequestFields on AccessRequest {
    id
    kind
    status
    message
    scopes
    createdAt
    respondedAt
    user {
      name
      email
    }
  }
`);

export type SentRequest = FragmentOf<typeof SentRequestFields>;
export type Kind = SentRequest["kind"];

export const KIND_LABEL: Record<Kind, string> = { ACCESS: "Access", TEST_USER: "Test user" };
export const STATUS: Record<SentRequest["status"], { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Pending", tone: "warning" },
  ACCEPTED: { label: "Accepted", tone: "success" },
  DECLINED: { label: "Declined", tone: "danger" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};
