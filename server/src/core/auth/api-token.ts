import type { Db } from "../../db/client.js";
import type { User } from "../../generated/prisma/client.js";
import { randomToken, sha256 } from "./crypto.js";

const TOKEN_PREFIX = "gha_";
const TOUCH_INTERVAL_MS = 60_000;
/** Every token expires: after this many days unless its creator picks a date, and never later than the maximum. */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

/** When a token stops working; tokens made before expiry was required end API_TOKEN_MAX_DAYS after creation. */
export const apiTokenExpiry = (token: { createdAt: Date; expiresAt: Date | null }): Date =>
  token.expiresAt ?? new Date(token.createdAt.getTime() + API_TOKEN_MAX_DAYS * 86_400_000);

/** A new personal API token: 256 random bits; only the hash and a short prefix are stored. */
export function newApiToken(): { value: string; tokenHash: string; prefix: string } {
  const value = `${TOKEN_PREFIX}${randomToken(32)}`;
  return { value, tokenHash: sha256(value), prefix: value.slice(0, TOKEN_PREFIX.length + 6) };
}

/** The user behind a Bearer token, or null when it is unknown, revoked or expired. */
export async function userForApiToken(db: Db, value: string): Promise<{ user: User; tokenId: string } | null> {
  const token = await db.apiToken.findUnique({ where: { tokenHash: sha256(value) }, include: { user: true } });
  if (!token || token.revokedAt || apiTokenExpiry(token).getTime() <= Date.now()) return null;
  if (token.user.disabledAt) return null;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { user: token.user, tokenId: token.id };
}
