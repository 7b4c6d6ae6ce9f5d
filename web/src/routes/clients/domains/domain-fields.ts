import { type FragmentOf, graphql } from "../../../lib/graphql";

export const DomainUrlFields = graphql(`
  fragment DomainUrlFields on DomainUrl {
    id
    kind
    url
    active
    createdAt
  }
`);

export const DomainFields = graphql(
  `
    fragment DomainFields on Domain {
      id
      rootDomain
      publicId
      internalName
      logoUrl
      fallbackUri
      fallbackResponse
      serverIp
      allowLogin
      allowApi
      active
      primary
      testMode
      createdAt
      updatedAt
      urls {
        ...DomainUrlFields
      }
    }
  `,
  [DomainUrlFields],
);

export type DomainDetail = FragmentOf<typeof DomainFields>;
export type DomainUrl = FragmentOf<typeof DomainUrlFields>;
