import type { User } from "../../generated/prisma/client.js";
import { newId } from "./id.js";
import { CONSUME_TOKEN, consumeLoginToken } from "./login-token.js";
import type { HotSql } from "./sql.js";
import { toStrOrNull } from "./sql.js";
import { COUNT_CLIENT_USER_VISIT, readUser, USER_COLUMNS, upsertClientUser, user } from "./users.js";

/**
 * PostgreSQL: the conditional consume, the person it names and their visit to the client in one round trip.
 * A data-modifying WITH runs to completion whether or not the SELECT reads it; the visit is recorded only
 * when this call won the token (no row from `won`, no insert).
 */
const REDEEM_POSTGRES = `WITH won AS (${CONSUME_TOKEN}),
visit AS (
  INSERT INTO "ClientUser" ("id", "clientId", "userId", "domainId", "isTestUser", "firstLoginAt", "lastLoginAt",
    "loginCount")
  SELECT ?, ?, won."userId", ?, ?, ?, ?, 1 FROM won WHERE won."userId" IS NOT NULL
  ${COUNT_CLIENT_USER_VISIT}
)
SELECT won."scopes" AS "grantedScopes", ${USER_COLUMNS} FROM won LEFT JOIN "User" u ON u."id" = won."userId"`;

export type RedeemedLogin = {
  /** The person the approval named; null if that account no longer exists. */
  user: User | null;
  /** The scope keys granted for this login, space-separated. */
  scopes: string | null;
};

/**
 * sign-token-verify's write: consumes an approved, unexpired, unused token of this client and domain, reads
 * the person it names and records their login through the client. Null when this call did not win the token.
 */
export async function redeemLoginToken(
  sql: HotSql,
  key: { tokenHash: string; clientId: string; domainId: string },
  now: Date,
): Promise<RedeemedLogin | null> {
  if (sql.dialect === "postgresql") {
    const consume = [now, key.tokenHash, key.clientId, key.domainId, now];
    const visit = [newId(), key.clientId, key.domainId, false, now, now];
    const [row] = await sql.all(REDEEM_POSTGRES, [...consume, ...visit]);
    if (!row) return null;
    return { user: row.id == null ? null : user(row), scopes: toStrOrNull(row.grantedScopes) };
  }
  // SQLite answers each statement in microseconds on its one connection: three are as cheap as one.
  const won = await consumeLoginToken(sql, key, now);
  if (!won) return null;
  const person = won.userId ? await readUser(sql, won.userId) : null;
  if (person) await upsertClientUser(sql, { clientId: key.clientId, userId: person.id, domainId: key.domainId }, now);
  return { user: person, scopes: won.scopes };
}
