import type { Db } from "../../db/client.js";
import type { UserToken, UserTokenPurpose } from "../../generated/prisma/client.js";
import type { Tx } from "../audit/audit.service.js";
import { randomToken, sha256 } from "../auth/crypto.js";
import { InvalidLinkError } from "../errors.js";

export const TOKEN_TTL_MS: Record<UserTokenPurpose, number> = {
  EMAIL_VERIFICATION: 24 * 3600_000,
  PASSWORD_RESET: 3600_000,
  EMAIL_CHANGE: 24 * 3600_000,
};

/**
 * Issues a single-use token (256 random bits; only its SHA-256 is stored). Earlier unused tokens
 * of the same purpose stop working, so only the newest mail's link counts.
 */
export async function issueUserToken(
  db: Db | Tx,
  userId: string,
  purpose: UserTokenPurpose,
  newEmail: string | null = null,
  code: { codeHash: string; codeExpiresAt: Date } | null = null,
): Promise<string> {
  const token = randomToken(32);
  const now = new Date();
  await db.userToken.updateMany({ where: { userId, purpose, consumedAt: null }, data: { consumedAt: now } });
  await db.userToken.create({
    data: {
      userId,
      purpose,
      tokenHash: sha256(token),
      newEmail,
      ...code,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
    },
  });
  return token;
}

/** The live token for `token`, or the reason it cannot be used. Does not consume it. */
export async function findUsableToken(db: Db | Tx, token: string, purpose: UserTokenPurpose): Promise<UserToken> {
  const found = token ? await db.userToken.findUnique({ where: { tokenHash: sha256(token) } }) : null;
  if (!found || found.purpose !== purpose) throw new InvalidLinkError("NOT_FOUND");
  if (found.consumedAt) throw new InvalidLinkError("ALREADY_USED");
  if (found.expiresAt.getTime() <= Date.now()) throw new InvalidLinkError("EXPIRED");
  return found;
}

/** Marks the token used; a second, concurrent use of the same link loses. */
export async function consumeToken(tx: Tx, found: UserToken): Promise<void> {
  const { count } = await tx.userToken.updateMany({
    where: { id: found.id, consumedAt: null },
    data: { consumedAt: new Date() },
  });
  if (count !== 1) throw new InvalidLinkError("ALREADY_USED");
}
