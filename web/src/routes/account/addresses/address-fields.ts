import { i18n } from "../../../i18n/i18n";
import { ErrorFields, type FragmentOf, graphql } from "../../../lib/graphql";

export const AddressFields = graphql(`
  fragment AddressFields on Address {
    id
    type
    name
    firstname
    lastname
    street
    houseNumber
    postalCode
    city
    accessCode
    phone
    email
    companyName
    taxNr
    registrationNr
    isDefault
    country {
      id
      name
      shortName
    }
  }
`);

export type Address = FragmentOf<typeof AddressFields>;

/** The XWMS address types, as the form offers them. */
export const ADDRESS_TYPES = [
  { value: "shipping", label: () => i18n.t("account:addresses.types.shipping") },
  { value: "billing", label: () => i18n.t("account:addresses.types.billing") },
  { value: "both", label: () => i18n.t("account:addresses.types.both") },
  { value: "other", label: () => i18n.t("account:addresses.types.other") },
] as const;

export function typeLabel(type: string): string {
  return ADDRESS_TYPES.find((option) => option.value === type)?.label() ?? type;
}

/** XWMS has no business type: an address is a business's when it carries company details. */
export function isBusiness(address: Address): boolean {
  return Boolean(address.companyName || address.taxNr || address.registrationNr);
}

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
