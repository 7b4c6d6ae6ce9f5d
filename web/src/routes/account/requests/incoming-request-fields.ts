import { type FragmentOf, graphql } from "../../../lib/graphql";

export const IncomingRequestFields = graphql(`
  fragment IncomingRequestFields on IncomingAccessRequest {
    id
    client {
      id
      name
    }
    kind
    message
    createdAt
    respondedAt
    status
    scopes {
      key
      description
      tier
    }
  }
`);

export type IncomingRequest = FragmentOf<typeof IncomingRequestFields>;
