import type { User } from "../../generated/prisma/client.js";
import type { Tx } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";
import { ConflictError } from "../errors.js";
import { allProviders } from "../upstream/providers.js";

/** An account made by an upstream sign-in or a passkey has no password until the person sets one (reset by e-mail). */
export const NO_PASSWORD = "";

export const hasPassword = (user: Pick<User, "passwordHash">) => user.passwordHash !== NO_PASSWORD;

export const LAST_WAY_IN =
  "This is your only way to sign in. Set a password (Forgot your password? on the sign-in page), add a passkey or link another provider first.";

/** The providers that sign people in now; read before the transaction that removes a way in. */
export async function enabledProviderSlugs(ctx: ServiceContext): Promise<string[]> {
  return (await allProviders(ctx.db, ctx.config))
    .filter((provider) => provider.enabled)
    .map((provider) => provider.slug);
}

/**
 * Inside the transaction that takes away one way to sign in (a passkey or a provider link): the person, once
 * another way remains without it (a password, a passkey, a link to a provider that is still enabled);
 * otherwise a ConflictError. A link to a provider staff removed or switched off signs nobody in, so it does
 * not count. Writing the person's row first serialises concurrent removals (a PostgreSQL row lock).
 */
export async function keepAnotherWayIn(
  tx: Tx,
  userId: string,
  enabledSlugs: string[],
  without: { passkeyId?: string; identityId?: string },
): Promise<User> {
  const user = await tx.user.update({ where: { id: userId }, data: { updatedAt: new Date() } });
  if (hasPassword(user)) return user;
  const [passkeys, links] = await Promise.all([
    tx.passkey.count({ where: { userId, ...(without.passkeyId ? { id: { not: without.passkeyId } } : {}) } }),
    tx.upstreamIdentity.count({
      where: {
        userId,
        providerSlug: { in: enabledSlugs },
        ...(without.identityId ? { id: { not: without.identityId } } : {}),
      },
    }),
  ]);
  if (passkeys + links === 0) throw new ConflictError(LAST_WAY_IN);
  return user;
}
