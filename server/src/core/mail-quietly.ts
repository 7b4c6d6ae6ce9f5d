import type { Config } from "../config.js";
import { sendMail } from "../mail/mail.js";

/** Mail must never undo the change it reports, and its failure must not tell an outsider anything. */
export async function mailQuietly(config: Config, to: string, subject: string, text: string): Promise<void> {
  try {
    await sendMail(config, { to, subject, text });
  } catch (error) {
    console.error(`Could not send mail to ${to}: ${error instanceof Error ? error.name : "unknown error"}`);
  }
}
