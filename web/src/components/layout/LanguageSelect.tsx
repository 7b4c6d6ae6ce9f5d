import { type ChangeEvent, useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { followAccountLanguage, fromAccountLanguage, speakLanguage } from "../../i18n/i18n";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from "../../i18n/languages";
import { graphql } from "../../lib/graphql";

const LanguageSelect_Viewer = graphql(`
  query LanguageSelect_Viewer {
    viewer {
      id
      language
    }
  }
`);

const LanguageSelect_Set = graphql(`
  mutation LanguageSelect_Set($input: SetLanguageInput!) {
    setLanguage(input: $input) {
      __typename
      ... on SetLanguageSuccess {
        data {
          id
          language
        }
      }
    }
  }
`);

/**
 * The header's language switch: speaks the choice at once and remembers it on this device; for a signed-in
 * person the account remembers it too, on every device. `signedIn` is known on the signed-in pages; elsewhere
 * (sign-in, consent, errors) the switch asks, and speaks the account's language if the person has one.
 */
export function LanguageSelect({ signedIn }: { signedIn?: boolean }) {
  const id = useId();
  const { t, i18n } = useTranslation();
  const [, setLanguage] = useMutation(LanguageSelect_Set);
  const [{ data }] = useQuery({
    query: LanguageSelect_Viewer,
    requestPolicy: "cache-and-network",
    pause: signedIn !== undefined,
  });
  const accountLanguage = data?.viewer?.language ?? null;
  useEffect(() => followAccountLanguage(fromAccountLanguage(accountLanguage)), [accountLanguage]);
  const saveToAccount = signedIn ?? !!data?.viewer;

  function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    const next = event.target.value;
    if (!isLanguage(next)) return;
    speakLanguage(next);
    if (saveToAccount) void setLanguage({ input: { language: next === "nl" ? "NL" : "EN" } });
  }

  return (
    <div className="header-select">
      <label htmlFor={id} className="visually-hidden">
        {t("language.label")}
      </label>
      <select id={id} value={i18n.resolvedLanguage ?? "en"} onChange={handleChange}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
