import { type FragmentOf, graphql } from "../../../lib/graphql";

export const AuditEventFields = graphql(`
  fragment AuditEventFields on AuditEvent {
    id
    action
    targetType
    targetId
    details
    ip
    createdAt
    actor {
      name
      email
    }
    actorClient
  }
`);

export type AuditEvent = FragmentOf<typeof AuditEventFields>;
