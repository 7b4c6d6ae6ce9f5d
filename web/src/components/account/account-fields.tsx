import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type FragmentOf, graphql } from "../../lib/graphql";

export const CountryOptionFields = graphql(`
  fragment CountryOptionFields on Country {
    id
    name
    shortName
  }
`);

export type CountryOption = FragmentOf<typeof CountryOptionFields>;

/** A country's name in `language`: Intl's for the ISO code, else the server's (English) name. */
export function countryNameIn(language: string, country: { shortName: string; name: string }): string {
  if (language === "en") return country.name;
  try {
    return (
      new Intl.DisplayNames([language], { type: "region", fallback: "none" }).of(country.shortName) ?? country.name
    );
  } catch {
    return country.name; // not a region code Intl knows
  }
}

/** Country names in the language the pages speak (Intl knows them by ISO code); English keeps the server's names. */
function useCountryNames(countries: readonly CountryOption[]): CountryOption[] {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  return useMemo(() => {
    if (language === "en") return [...countries];
    const named = countries.map((country) => ({ ...country, name: countryNameIn(language, country) }));
    return named.sort((a, b) => a.name.localeCompare(b.name, language));
  }, [countries, language]);
}

/** Country options for a SelectField, by name, with an empty choice first. */
export function CountryOptions({ countries, emptyLabel }: { countries: readonly CountryOption[]; emptyLabel: string }) {
  const named = useCountryNames(countries);
  return (
    <>
      <option value="">{emptyLabel}</option>
      {named.map((country) => (
        <option key={country.id} value={country.shortName}>
          {country.name}
        </option>
      ))}
    </>
  );
}
