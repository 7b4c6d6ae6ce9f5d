import type { Db } from "../db.js";
import type { User } from "../generated/prisma/client.js";
import { randomToken, sha256 } from "./crypto.js";

const TOKEN_PREFIX = "gha_";
const TOUCH_INTERVAL_MS = 60_000;

/** A new personal API token: 256 random bits; only the hash and a short prefix are stored. */
export function newApiToken(): { value: string; tokenHash: string; prefix: string } {
  const value = `${TOKEN_PREFIX}${randomToken(32)}`;
  return { value, tokenHash: sha256(value), prefix: value.slice(0, TOKEN_PREFIX.length + 6) };
}

/** The user behind a Bearer token, or null when it is unknown, revoked or expired. */
export async function userForApiToken(db: Db, value: string): Promise<{ user: User; tokenId: string } | null> {
  const token = await db.apiToken.findUnique({ where: { tokenHash: sha256(value) }, include: { user: true } });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) return null;
  if (token.user.disabledAt) return null;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { user: token.user, tokenId: token.id };
}
