import type { Db } from "../db/client.js";
import { flagExpiringSecrets } from "./expiring-secrets.js";

/** Expired rows stay this long, so that a late verify still gets "expired" rather than "unknown". */
const GRACE_MS = 24 * 3600 * 1000;

/**
 * Deletes login tokens and sessions that expired more than a day ago. Idempotent, so every
 * instance may run it on its own timer.
 */
export async function purgeExpired(db: Db, now = new Date()): Promise<{ loginTokens: number; sessions: number }> {
  const before = new Date(now.getTime() - GRACE_MS);
  const [loginTokens, sessions] = await Promise.all([
    db.loginToken.deleteMany({ where: { expiresAt: { lt: before } } }),
    db.session.deleteMany({ where: { expiresAt: { lt: before } } }),
  ]);
  return { loginTokens: loginTokens.count, sessions: sessions.count };
}

/** Purges expired rows and flags expiring secrets (webhook and owner mail) now and every `intervalMs`; returns a function that stops it. */
export function schedulePurge(
  db: Db,
  config: Parameters<typeof flagExpiringSecrets>[2],
  intervalMs = 15 * 60 * 1000,
): () => void {
  const run = () =>
    Promise.all([purgeExpired(db), flagExpiringSecrets(db, new Date(), config)]).catch((error) =>
      console.error("Periodic maintenance failed:", error),
    );
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
