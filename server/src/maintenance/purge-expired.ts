import { purgeDeletedAccounts } from "../core/account/account-purge.js";
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

/** Deletes upstream sign-in flows and link offers a day past their expiry: anyone may start one, so they must not pile up. */
export async function purgeExpiredUpstream(db: Db, now = new Date()): Promise<{ flows: number; linkTickets: number }> {
  const before = new Date(now.getTime() - GRACE_MS);
  const [flows, linkTickets] = await Promise.all([
    db.upstreamFlow.deleteMany({ where: { expiresAt: { lt: before } } }),
    db.upstreamLinkTicket.deleteMany({ where: { expiresAt: { lt: before } } }),
  ]);
  return { flows: flows.count, linkTickets: linkTickets.count };
}

/** Purges expired rows and deleted accounts, and flags expiring secrets (webhook and owner mail), now and every `intervalMs`; returns a function that stops it. */
export function schedulePurge(
  db: Db,
  config: Parameters<typeof flagExpiringSecrets>[2],
  intervalMs = 15 * 60 * 1000,
): () => void {
  const run = () =>
    Promise.all([
      purgeExpired(db),
      purgeExpiredUpstream(db),
      purgeDeletedAccounts(db),
      flagExpiringSecrets(db, new Date(), config),
    ]).catch((error) => console.error("Periodic maintenance failed:", error));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
