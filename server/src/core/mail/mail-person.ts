import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { sendMail } from "../../mail/mail.js";
import { composeMail, type MailKey, type MailParams } from "../../mail/messages/index.js";
import { type Recipient, recipientLanguage } from "./recipient-language.js";

/** What sending needs: a ServiceContext has it; a job without a request passes no `acceptLanguage`. */
export type MailDeps = {
  db: Pick<Db, "userPreference">;
  config: Pick<Config, "smtpUrl" | "mailFrom" | "devOutboxDir">;
  acceptLanguage?: string | undefined;
};

/** Sends mail `key` to `recipient`, in their language; a failing mail server throws. */
export async function mailPerson<K extends MailKey>(
  deps: MailDeps,
  recipient: Recipient,
  key: K,
  params: MailParams<K>,
): Promise<void> {
  const language = await recipientLanguage(deps.db, recipient, deps.acceptLanguage);
  await sendMail(deps.config, composeMail(language, recipient.email, key, params));
}

/** As mailPerson, but mail must never undo the change it reports, and its failure must not tell an outsider anything. */
export async function mailPersonQuietly<K extends MailKey>(
  deps: MailDeps,
  recipient: Recipient,
  key: K,
  params: MailParams<K>,
): Promise<void> {
  try {
    await mailPerson(deps, recipient, key, params);
  } catch (error) {
    console.error(
      `Could not send mail to ${recipient.email}: ${error instanceof Error ? error.name : "unknown error"}`,
    );
  }
}
