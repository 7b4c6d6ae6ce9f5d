import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Config } from "../config.js";
import { repoRoot } from "../db/url.js";

export type Mail = { to: string; subject: string; text: string };

/** A message as the dev outbox keeps it, one JSON file each. */
export type OutboxMessage = Mail & { from: string; sentAt: string };

type Transport = ReturnType<typeof nodemailer.createTransport>;
const transports = new Map<string, Transport>();

export function outboxPath(config: Pick<Config, "devOutboxDir">): string {
  return path.resolve(repoRoot, config.devOutboxDir);
}

/**
 * Sends one message: over SMTP when SMTP_URL is set, otherwise into the dev outbox. The log line
 * names the recipient and the file only; links in the text are secrets and never reach a log.
 */
export async function sendMail(
  config: Pick<Config, "smtpUrl" | "mailFrom" | "devOutboxDir">,
  mail: Mail,
): Promise<void> {
  if (config.smtpUrl) {
    let transport = transports.get(config.smtpUrl);
    if (!transport) {
      transport = nodemailer.createTransport(config.smtpUrl);
      transports.set(config.smtpUrl, transport);
    }
    await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  const dir = outboxPath(config);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Time first so a directory listing reads in sending order.
  const file = path.join(
    dir,
    `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.json`,
  );
  const message: OutboxMessage = { from: config.mailFrom, ...mail, sentAt: new Date().toISOString() };
  // Written beside it and renamed: whoever lists the outbox (the tests, a developer's script) never reads half a mail.
  await writeFile(`${file}.partial`, `${JSON.stringify(message, null, 2)}\n`, { mode: 0o600 });
  await rename(`${file}.partial`, file);
  console.info(`Mail to ${mail.to} saved in ${file}`);
}

/** Every message in a dev outbox, oldest first. */
export async function readOutbox(dir: string): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as OutboxMessage),
  );
}
