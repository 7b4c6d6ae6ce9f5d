import type { Db } from "../../db/client.js";
import { DEFAULT_MAIL_LANGUAGE, MAIL_LANGUAGES, type MailLanguage } from "../../mail/messages/index.js";
import { languageFromAcceptLanguage } from "./accept-language.js";

/** Who a mail is for: the address, and the account when the address is not (yet) its own. */
export type Recipient = { email: string; userId?: string | null };

/** The language the account chose, or null when it did not (or there is no account for the address). */
async function accountLanguage(db: Pick<Db, "userPreference">, recipient: Recipient): Promise<MailLanguage | null> {
  const where = recipient.userId ? { userId: recipient.userId } : { user: { email: recipient.email.toLowerCase() } };
  const preference = await db.userPreference.findFirst({ where, select: { language: true } });
  return MAIL_LANGUAGES.find((language) => language === preference?.language) ?? null;
}

/**
 * The language to write to `recipient` in: their account's language, else the language of the request
 * that caused the mail (its Accept-Language), else English.
 */
export async function recipientLanguage(
  db: Pick<Db, "userPreference">,
  recipient: Recipient,
  acceptLanguage?: string,
): Promise<MailLanguage> {
  return (await accountLanguage(db, recipient)) ?? languageFromAcceptLanguage(acceptLanguage) ?? DEFAULT_MAIL_LANGUAGE;
}
