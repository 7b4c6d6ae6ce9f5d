import type { HotSql, Row } from "./sql.js";
import { toDate } from "./sql.js";

const COUNTER = `SELECT "points", "expire" FROM "RateLimiterFlexible" WHERE "key" = ?`;

/**
 * A rate-limiter-flexible counter row read without Prisma, for the check every /api request makes;
 * the writes stay with the library. Null when there is no live row.
 */
export async function readCounter(sql: HotSql, key: string): Promise<CounterRow | null> {
  const [row] = await sql.all(COUNTER, [key]);
  return counterOf(row);
}

export type CounterRow = { points: number; expire: Date | null };

/** A counter from a row's `points` and `expire` columns; null when there is none or it expired. */
export function counterOf(row: Row | undefined): CounterRow | null {
  if (!row || row.points == null) return null;
  const expire = toDate(row.expire);
  if (expire && expire.getTime() <= Date.now()) return null;
  return { points: Number(row.points), expire };
}
