/** The languages Gatehouse speaks, in the order the header's switch lists them. English is the fallback. */
export const LANGUAGES = ["en", "nl"] as const;
export type Language = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = "en";

/** Each language's name in itself, so a person finds theirs whatever the page speaks now. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", nl: "Nederlands" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** "nl-BE" → "nl"; null when Gatehouse does not speak it. */
export function languageOfTag(tag: string): Language | null {
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : null;
}

/**
 * The language to speak: the account's choice, then the choice made on this device with the header's switch,
 * then the first of the browser's languages (navigator.languages, which the browser also sends as
 * Accept-Language) that Gatehouse speaks, then English.
 */
export function resolveLanguage(sources: {
  account?: Language | null;
  device?: Language | null;
  browser?: readonly string[];
}): Language {
  if (sources.account) return sources.account;
  if (sources.device) return sources.device;
  for (const tag of sources.browser ?? []) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return FALLBACK_LANGUAGE;
}
