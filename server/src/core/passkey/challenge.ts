import type { PasskeyChallenge } from "../../generated/prisma/client.js";
import { sha256 } from "../auth/crypto.js";
import type { ServiceContext } from "../context.js";
import { InvalidPasskeyError } from "../errors.js";
import { PASSKEY_CHALLENGE_TTL_MS } from "./webauthn.js";

/** What a challenge is for: adding a passkey, signing in without a password, or confirming it is you. */
export type PasskeyPurpose = "register" | "sign_in" | "reauth";

/** Keeps a challenge just handed to the browser, by its hash only. */
export async function storeChallenge(
  ctx: ServiceContext,
  challenge: string,
  purpose: PasskeyPurpose,
  extra: { userId?: string; remember?: boolean } = {},
): Promise<void> {
  await ctx.db.passkeyChallenge.create({
    data: {
      challengeHash: sha256(challenge),
      purpose,
      userId: extra.userId ?? null,
      remember: extra.remember ?? false,
      expiresAt: new Date(ctx.clock.now().getTime() + PASSKEY_CHALLENGE_TTL_MS),
    },
  });
}

/**
 * Spends the challenge an answer claims to answer: it must be one Gatehouse issued for this purpose (and
 * person), unused and not expired. Conditional, so one challenge never counts twice.
 */
export async function spendChallenge(
  ctx: ServiceContext,
  challenge: string,
  purpose: PasskeyPurpose,
  userId: string | null,
): Promise<PasskeyChallenge> {
  const found = await ctx.db.passkeyChallenge.findUnique({ where: { challengeHash: sha256(challenge) } });
  if (
    !found ||
    found.purpose !== purpose ||
    found.userId !== userId ||
    found.consumedAt ||
    found.expiresAt.getTime() <= ctx.clock.now().getTime()
  ) {
    throw new InvalidPasskeyError("EXPIRED");
  }
  const { count } = await ctx.db.passkeyChallenge.updateMany({
    where: { id: found.id, consumedAt: null },
    data: { consumedAt: ctx.clock.now() },
  });
  if (count !== 1) throw new InvalidPasskeyError("EXPIRED");
  return found;
}
