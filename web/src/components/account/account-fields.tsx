import { type FragmentOf, graphql } from "../../lib/graphql";

export const CountryOptionFields = graphql(`
  fragment CountryOptionFields on Country {
    id
    name
    shortName
  }
`);

export type CountryOption = FragmentOf<typeof CountryOptionFields>;

/** Country options for a SelectField, by name, with an empty choice first. */
export function CountryOptions({ countries, emptyLabel }: { countries: readonly CountryOption[]; emptyLabel: string }) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {countries.map((country) => (
        <option key={country.id} value={country.shortName}>
          {country.name}
        </option>
      ))}
    </>
  );
}
