import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { FALLBACK_LANGUAGE, isLanguage, LANGUAGES, type Language, resolveLanguage } from "./languages";
import { NAMESPACES, resources } from "./resources";

const STORAGE_KEY = "gatehouse-language";

/** The choice made with the header's switch on this device, if any. */
function deviceLanguage(): Language | null {
  try {
    const remembered = localStorage.getItem(STORAGE_KEY);
    return isLanguage(remembered) ? remembered : null;
  } catch {
    return null; // Storage may be off (private windows).
  }
}

function browserLanguages(): readonly string[] {
  return typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
}

export const i18n = i18next.createInstance();

i18n.on("languageChanged", (language) => {
  if (typeof document !== "undefined") document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  ns: NAMESPACES,
  defaultNS: "common",
  lng: resolveLanguage({ device: deviceLanguage(), browser: browserLanguages() }),
  fallbackLng: FALLBACK_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // The catalogues ship with the bundle: ready at once, no suspense.
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The language the pages speak now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : FALLBACK_LANGUAGE;
}

/** Speaks `language` now and remembers it on this device (the header's switch, and the account's choice). */
export function speakLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // No storage: the account (if any) still remembers it.
  }
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/** The account's choice once it is known; null keeps what this device and the browser say. */
export function followAccountLanguage(language: Language | null) {
  if (language) speakLanguage(language);
}

/** The browser's language tag for Intl, e.g. "en-GB" when the browser asks for it and the pages speak English. */
export function formattingLocale(): string {
  const language = currentLanguage();
  const regional = browserLanguages().find((tag) => tag.toLowerCase().split("-")[0] === language);
  return regional ?? language;
}

/** GraphQL's Language enum → the catalogue's language. */
export function fromAccountLanguage(language: "EN" | "NL" | null | undefined): Language | null {
  return language === "NL" ? "nl" : language === "EN" ? "en" : null;
}
