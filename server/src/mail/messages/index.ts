import type { Mail } from "../mail.js";
import type { MailCatalogue, MailKey, MailParams } from "./catalogue.js";
import { en } from "./en.js";
import { nl } from "./nl.js";

export type { MailKey, MailParams, VerificationChange } from "./catalogue.js";

/** The languages Gatehouse writes mail in; English when nothing else is known. */
export const MAIL_LANGUAGES = ["en", "nl"] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export const DEFAULT_MAIL_LANGUAGE: MailLanguage = "en";

export const mailCatalogues: Record<MailLanguage, MailCatalogue> = { en, nl };

/** The message `key` for `to`, written in `language`. */
export function composeMail<K extends MailKey>(
  language: MailLanguage,
  to: string,
  key: K,
  params: MailParams<K>,
): Mail {
  const write = mailCatalogues[language][key] as (p: MailParams<K>) => { subject: string; text: string };
  return { to, ...write(params) };
}
