import { type FragmentOf, graphql } from "../../lib/graphql";

/** What the hosted page shows about a partner's login request. */
export const LoginRequestFields = graphql(`
  fragment LoginRequestFields on LoginRequest {
    clientName
    domain
    redirectHost
    scopes {
      key
      description
      tier
    }
    consentRequired
    email
    expiresAt
  }
`);

export const LoginRequestErrorFields = graphql(`
  fragment LoginRequestErrorFields on LoginRequestError {
    __typename
    message
    code
    redirectUrl
  }
`);

export type LoginRequest = FragmentOf<typeof LoginRequestFields>;
export type LoginScope = LoginRequest["scopes"][number];
export type LoginRequestError = FragmentOf<typeof LoginRequestErrorFields>;
export type LoginRequestErrorCode = LoginRequestError["code"];
export const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    email
    name
    language
  }
`);

export type Viewer = FragmentOf<typeof ViewerFields>;
