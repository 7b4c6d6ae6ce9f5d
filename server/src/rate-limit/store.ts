import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterPrisma, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db/client.js";

export type Limiter = RateLimiterAbstract;

/** Where the counters live: the database (default) or Redis (REDIS_URL). Either way every instance shares them. */
export type LimiterStore = { kind: "database"; db: Db } | { kind: "redis"; client: Redis };

/** A counter in the RateLimiterFlexible table or in Redis, so every instance shares it. */
export function storeLimiter(
  store: LimiterStore,
  options: { keyPrefix: string; points: number; duration: number },
): Limiter {
  return store.kind === "redis"
    ? new RateLimiterRedis({ ...options, storeClient: store.client, keyPrefix: `gatehouse:${options.keyPrefix}` })
    : // Prisma's delegate is db.rateLimiterFlexible; expired rows are purged by scheduleRateLimitPurge.
      new RateLimiterPrisma({
        ...options,
        storeClient: store.db,
        tableName: "rateLimiterFlexible",
        clearExpiredByTimeout: false,
      });
}

/** Seconds until the caller may try again, at least 1. */
export const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Runs a store operation, once more if two instances raced on creating the same row. */
export async function withRetry<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof RateLimiterRes) throw error;
    return operation();
  }
}

/** Consumes points; answers the seconds to wait when the limit is exceeded, otherwise null. */
export async function consume(limiter: Limiter, key: string, points = 1): Promise<number | null> {
  try {
    await withRetry(() => limiter.consume(key, points));
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return retryAfter(error);
    throw error;
  }
}

export const ipKey = (ip: string | undefined) => ip ?? "unknown";
