import type { Db } from "../../db/client.js";

/** Whether the person has a second factor in force (an authenticator app, codes by e-mail or a passkey). */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const [totp, email, passkeys] = await Promise.all([
    db.totpFactor.count({ where: { userId, confirmedAt: { not: null } } }),
    db.emailFactor.count({ where: { userId } }),
    db.passkey.count({ where: { userId } }),
  ]);
  return totp + email + passkeys > 0;
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
