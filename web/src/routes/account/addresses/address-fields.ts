import { type FragmentOf, graphql } from "../../../lib/graphql";

export const AddressFields = graphql(`
  fragment AddressFields on Address {
    id
    label
    line1
    line2
    city
    region
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
  return address.label ? `“${address.label}”` : `${address.line1}, ${address.city}`;
}
