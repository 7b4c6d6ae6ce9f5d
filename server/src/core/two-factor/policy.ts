import type { Db } from "../../db/client.js";

/** Counts of the factors that prove more than a mailbox: a confirmed authenticator app, and passkeys. */
const appAndPasskeys = (db: Db, userId: string) => [
  db.totpFactor.count({ where: { userId, confirmedAt: { not: null } } }),
  db.passkey.count({ where: { userId } }),
];

/** Whether the person has a second factor in force (an authenticator app, codes by e-mail or a passkey). */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const counts = await Promise.all([...appAndPasskeys(db, userId), db.emailFactor.count({ where: { userId } })]);
  return counts.some((count) => count > 0);
}

/** Whether the person has an authenticator app or a passkey: a factor a code by e-mail must not stand in for. */
export async function hasAppOrPasskey(db: Db, userId: string): Promise<boolean> {
  const counts = await Promise.all(appAndPasskeys(db, userId));
  return counts.some((count) => count > 0);
}

/** Of these clients, the ones whose members must have a second factor. */
export async function clientsRequiringTwoFactor(db: Db, clientIds: string[]): Promise<Set<string>> {
  if (clientIds.length === 0) return new Set();
  const policies = await db.clientSecurityPolicy.findMany({
    where: { clientId: { in: clientIds }, requireMemberTwoFactor: true },
    select: { clientId: true },
  });
  return new Set(policies.map((policy) => policy.clientId));
}
