import { ErrorFields, type FragmentOf, graphql } from "../../../lib/graphql";

export const AddressFields = graphql(`
  fragment AddressFields on Address {
    id
    type
    name
    street
    houseNumber
    city
    companyName
    postalCode
    isDefault
    country {
      id
      name
      shortName
    }
  }
`);

export type Address = FragmentOf<typeof AddressFields>;

/** How an address is named in buttons and notices: its label, or its first line and city. */
export function describe(address: Address): string {
  return address.name ? `“${address.name}”` : `${address.street}, ${address.city}`;
}

/** Saves an address; the edit form and "Make default" both send it. */
export const AddressesPage_UpdateAddress = graphql(
  `
    mutation AddressesPage_UpdateAddress($input: UpdateAddressInput!) {
      updateAddress(input: $input) {
        __typename
        ... on UpdateAddressSuccess {
          data {
            ...AddressFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [AddressFields, ErrorFields],
);
