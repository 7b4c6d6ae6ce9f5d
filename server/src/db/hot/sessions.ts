import type { User } from "../../generated/prisma/client.js";
import type { HotSql } from "./sql.js";
import { toBool, toDateOrThrow, toStr } from "./sql.js";
import { USER_COLUMNS, user } from "./users.js";

export type SessionRow = { id: string; expiresAt: Date; lastSeenAt: Date; persistent: boolean; user: User };

const SESSION_BY_TOKEN = `SELECT s."id" AS "sessionId", s."expiresAt" AS "sessionExpiresAt",
  s."lastSeenAt" AS "sessionLastSeenAt", s."persistent" AS "sessionPersistent", ${USER_COLUMNS}
FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."tokenHash" = ?`;

/** Conditional on the last touch, so concurrent requests of one session write it once. */
const TOUCH = `UPDATE "Session" SET "lastSeenAt" = ? WHERE "id" = ? AND "lastSeenAt" < ?`;
const TOUCH_AND_EXTEND = `UPDATE "Session" SET "lastSeenAt" = ?, "expiresAt" = ? WHERE "id" = ? AND "lastSeenAt" < ?`;

/** The session with this token hash and its person, in one statement; expiry is the caller's to judge. */
export async function readSession(sql: HotSql, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await sql.all(SESSION_BY_TOKEN, [tokenHash]);
  if (!row) return null;
  return {
    id: toStr(row.sessionId),
    expiresAt: toDateOrThrow(row.sessionExpiresAt),
    lastSeenAt: toDateOrThrow(row.sessionLastSeenAt),
    persistent: toBool(row.sessionPersistent),
    user: user(row),
  };
}

/**
 * Records a use of the session when its last one is older than `staleBefore`, and moves its end to `expiresAt`
 * when given; true when this call wrote it.
 */
export async function touchSession(
  sql: HotSql,
  entry: { id: string; at: Date; staleBefore: Date; expiresAt?: Date | undefined },
): Promise<boolean> {
  const changed = entry.expiresAt
    ? await sql.run(TOUCH_AND_EXTEND, [entry.at, entry.expiresAt, entry.id, entry.staleBefore])
    : await sql.run(TOUCH, [entry.at, entry.id, entry.staleBefore]);
  return changed === 1;
}
