import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ENV_OUTBOX } from "./env";

type Mail = { to: string; subject: string; text: string; sentAt: string };

/** The newest link mailed to `to` whose path is `path` (e.g. "/reset-password"), as the person would click it. */
export async function mailedLink(to: string, path: string, timeoutMs = 10_000): Promise<string> {
  const dir = process.env[ENV_OUTBOX];
  if (!dir) throw new Error("The e2e global setup did not set the outbox directory.");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = readdirSafe(dir)
      .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Mail)
      .filter((mail) => mail.to === to)
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    for (const mail of mails) {
      const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`No mail to ${to} with a ${path} link arrived.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The newest 6-digit sign-in code mailed to `to`, after `after` earlier ones. */
export function mailedSignInCode(to: string, after = 0, timeoutMs = 10_000): Promise<string> {
  return newestCode(to, /^(\d{6}) is your Gatehouse sign-in code$/, after, timeoutMs);
}

/** The newest 6-digit code mailed to `to` to confirm a change to the account, after `after` earlier ones. */
export function mailedChangeCode(to: string, after = 0, timeoutMs = 10_000): Promise<string> {
  return newestCode(to, /^(\d{6}) is your Gatehouse confirmation code$/, after, timeoutMs);
}

/** The code in the subject (`subject`'s first group) of the newest such mail to `to`, after `after` earlier ones. */
async function newestCode(to: string, subject: RegExp, after: number, timeoutMs: number): Promise<string> {
  const dir = process.env[ENV_OUTBOX];
  if (!dir) throw new Error("The e2e global setup did not set the outbox directory.");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const codes = mailsTo(dir, to)
      .map((mail) => mail.subject.match(subject)?.[1])
      .filter((code) => code !== undefined);
    if (codes.length > after) return codes.at(-1) ?? "";
    if (Date.now() > deadline) throw new Error(`No code mailed to ${to} (${subject.source}) arrived.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The 6-digit code in the newest "Confirm your e-mail address" mail to `to`, once there are `count` of them. */
export async function mailedConfirmationCode(to: string, count = 1, timeoutMs = 10_000): Promise<string> {
  const dir = process.env[ENV_OUTBOX];
  if (!dir) throw new Error("The e2e global setup did not set the outbox directory.");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = mailsTo(dir, to).filter((mail) => mail.subject === "Confirm your e-mail address");
    const code = mails.length >= count ? mails.at(-1)?.text.match(/\n\n(\d{6})\n\n/)?.[1] : undefined;
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`No confirmation code mailed to ${to} arrived.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The subjects of every mail to `to`, oldest first. */
export function mailedSubjects(to: string): string[] {
  const dir = process.env[ENV_OUTBOX];
  return dir ? mailsTo(dir, to).map((mail) => mail.subject) : [];
}

function mailsTo(dir: string, to: string): Mail[] {
  return readdirSafe(dir)
    .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Mail)
    .filter((mail) => mail.to === to)
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).filter((file) => file.endsWith(".json"));
  } catch {
    return [];
  }
}
