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

/** The tone of a request's status badge; its words are `users.status.<STATUS>` in the clients catalogue. */
export const STATUS_TONE: Record<SentRequest["status"], BadgeTone> = {
  PENDING: "warning",
  ACCEPTED: "success",
  DECLINED: "danger",
  CANCELLED: "neutral",
};
