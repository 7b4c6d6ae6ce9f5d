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

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).filter((file) => file.endsWith(".json"));
  } catch {
    return [];
  }
}
