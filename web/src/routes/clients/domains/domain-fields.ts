import { ErrorFields, type FragmentOf, graphql } from "../../../lib/graphql";

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
      serverIp
      allowLogin
      allowApi
      active
      primary
      testMode
      ownershipVerified
      ownershipMethod
      ownershipVerifiedAt
      ownershipProof {
        token
        txtName
        txtValue
        fileUrl
        fileContent
      }
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

/** Saves domain settings and flags; the access toggles and the settings form both send it. */
export const DomainPage_UpdateDomain = graphql(
  `
    mutation DomainPage_UpdateDomain($input: UpdateDomainInput!) {
      updateDomain(input: $input) {
        __typename
        ... on UpdateDomainSuccess {
          data {
            ...DomainFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [DomainFields, ErrorFields],
);
