import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPrisma,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { Db } from "../db/client.js";
import { readCounter } from "../db/hot/rate-limit.js";
import { hotSqlOf } from "../db/hot/registry.js";
import type { RateLimits } from "./limits.js";

type Limiter = RateLimiterAbstract;

/** Where the counters live: the database (default) or Redis (REDIS_URL). Either way every instance shares them. */
export type LimiterStore = { kind: "database"; db: Db } | { kind: "redis"; client: Redis };

/** Seconds until the caller may try again, at least 1. */
const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Runs a store operation, once more if two instances raced on creating the same row. */
async function withRetry<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof RateLimiterRes) throw error;
    return operation();
  }
}

/** Consumes points; answers the seconds to wait when the limit is exceeded, otherwise null. */
async function consume(limiter: Limiter, key: string, points = 1): Promise<number | null> {
  try {
    await withRetry(() => limiter.consume(key, points));
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return retryAfter(error);
    throw error;
  }
}

/** The limiters, in the RateLimiterFlexible table or in Redis, so every instance shares them. */
export class RateLimiters {
  private readonly signInIp: Limiter;
  private readonly signInAccount: Limiter;
  private readonly signInLocks: Limiter;
  private readonly api: Limiter;
  private readonly apiFailures: Limiter;
  /** Reads the failure counter of a (client id, source IP) without a write; the check every /api request makes. */
  private readonly apiFailureCount: (key: string) => Promise<{ points: number; msBeforeNext: number } | null>;
  private readonly mutations: Limiter;

  constructor(
    store: LimiterStore,
    readonly limits: RateLimits,
  ) {
    const limiter = (options: { keyPrefix: string; points: number; duration: number }): Limiter =>
      store.kind === "redis"
        ? new RateLimiterRedis({ ...options, storeClient: store.client, keyPrefix: `gatehouse:${options.keyPrefix}` })
        : // Prisma's delegate is db.rateLimiterFlexible; expired rows are purged by scheduleRateLimitPurge.
          new RateLimiterPrisma({
            ...options,
            storeClient: store.db,
            tableName: "rateLimiterFlexible",
            clearExpiredByTimeout: false,
          });
    const { signInPerIp, signInPerAccount, apiPerClient, mutationsPerCaller } = limits;
    this.signInIp = limiter({
      keyPrefix: "signin-ip",
      points: signInPerIp.failures,
      duration: signInPerIp.windowSeconds,
    });
    this.signInAccount = limiter({
      keyPrefix: "signin-account",
      points: signInPerAccount.failures,
      duration: signInPerAccount.windowSeconds,
    });
    // Counts locks of one account in a day; the n-th lock lasts firstLockSeconds * 2^(n-1).
    this.signInLocks = limiter({
      keyPrefix: "signin-locks",
      points: Number.MAX_SAFE_INTEGER,
      duration: 24 * 3600,
    });
    // Successful traffic never writes to the database: per instance in memory, or shared in Redis.
    const apiOptions = { keyPrefix: "api-client", points: apiPerClient.points, duration: apiPerClient.windowSeconds };
    this.api = store.kind === "redis" ? limiter(apiOptions) : new RateLimiterMemory(apiOptions);
    this.apiFailures = limiter({
      keyPrefix: "api-failures",
      points: limits.apiFailuresPerSource.failures,
      duration: limits.apiFailuresPerSource.windowSeconds,
    });
    if (store.kind === "redis") {
      this.apiFailureCount = async (key) => {
        const res = await this.apiFailures.get(key);
        return res && { points: res.consumedPoints, msBeforeNext: res.msBeforeNext };
      };
    } else {
      const sql = hotSqlOf(store.db);
      this.apiFailureCount = async (key) => {
        const row = await readCounter(sql, this.apiFailures.getKey(key));
        return row && { points: row.points, msBeforeNext: row.expire ? row.expire.getTime() - Date.now() : 0 };
      };
    }
    this.mutations = limiter({
      keyPrefix: "graphql-mutations",
      points: mutationsPerCaller.points,
      duration: mutationsPerCaller.windowSeconds,
    });
  }

  /** Seconds until sign-in may be tried again for this e-mail address or IP address; null when it may now. */
  async signInLockedFor(email: string, ip: string | undefined): Promise<number | null> {
    const [byIp, byAccount] = await Promise.all([this.signInIp.get(ipKey(ip)), this.signInAccount.get(email)]);
    const waits = [
      byIp && byIp.consumedPoints >= this.limits.signInPerIp.failures ? retryAfter(byIp) : 0,
      byAccount && byAccount.consumedPoints >= this.limits.signInPerAccount.failures ? retryAfter(byAccount) : 0,
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? wait : null;
  }

  /** Records a failed sign-in; answers the lock's seconds when this failure locked the account. */
  async signInFailed(email: string, ip: string | undefined): Promise<number | null> {
    const { failures, firstLockSeconds, maxLockSeconds } = this.limits.signInPerAccount;
    const [, byAccount] = await Promise.all([
      consume(this.signInIp, ipKey(ip)),
      withRetry(() => this.signInAccount.consume(email)).catch((error: unknown) => {
        if (error instanceof RateLimiterRes) return error;
        throw error;
      }),
    ]);
    if (byAccount.consumedPoints < failures) return null;
    // A failure that raced past the check while another one locked the account: already locked.
    if (byAccount.consumedPoints > failures) return retryAfter(byAccount);
    const locks = await withRetry(() => this.signInLocks.consume(email));
    const lockSeconds = Math.min(firstLockSeconds * 2 ** (locks.consumedPoints - 1), maxLockSeconds);
    await withRetry(() => this.signInAccount.block(email, lockSeconds));
    return lockSeconds;
  }

  /** A successful sign-in forgets the account's failures and earlier locks. */
  async signInSucceeded(email: string): Promise<void> {
    await Promise.all([this.signInAccount.delete(email), this.signInLocks.delete(email)]);
  }

  /** Seconds this source must wait before calling for this client id again after bad credentials; null when it may. */
  async apiSourceBlockedFor(clientId: string, ip: string | undefined): Promise<number | null> {
    const count = await this.apiFailureCount(sourceKey(clientId, ip));
    if (!count || count.points < this.limits.apiFailuresPerSource.failures) return null;
    return Math.max(1, Math.ceil(count.msBeforeNext / 1000));
  }

  /** One /api request by a client id; answers the seconds to wait when over the limit. */
  apiRequest(clientId: string): Promise<number | null> {
    return consume(this.api, clientId);
  }

  /** The request had bad credentials: it is charged to its source for this client, and not to the client's volume. */
  async apiBadCredentials(clientId: string, ip: string | undefined): Promise<void> {
    await Promise.all([consume(this.apiFailures, sourceKey(clientId, ip)), this.api.reward(clientId, 1)]);
  }

  /** One GraphQL mutation by a caller; answers the seconds to wait when over the limit. */
  mutation(callerKey: string): Promise<number | null> {
    return consume(this.mutations, callerKey);
  }
}

const ipKey = (ip: string | undefined) => ip ?? "unknown";
const sourceKey = (clientId: string, ip: string | undefined) => `${clientId}|${ipKey(ip)}`;

/** Deletes limiter rows that expired over an hour ago, now and every intervalMs; returns a stop function. */
export function scheduleRateLimitPurge(db: Db, onError: (error: unknown) => void, intervalMs = 5 * 60 * 1000) {
  const run = () =>
    db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: new Date(Date.now() - 3600 * 1000) } } }).catch(onError);
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
