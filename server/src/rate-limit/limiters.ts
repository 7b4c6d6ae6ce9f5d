import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterPrisma, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db.js";
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
    this.api = limiter({
      keyPrefix: "api-client",
      points: apiPerClient.points,
      duration: apiPerClient.windowSeconds,
    });
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

  /** One /api request by a client id; answers the seconds to wait when over the limit. */
  apiRequest(clientId: string): Promise<number | null> {
    return consume(this.api, clientId);
  }

  /** The request had bad credentials: it costs the client id badCredentialsPoints in all. */
  async apiBadCredentials(clientId: string): Promise<void> {
    await consume(this.api, clientId, this.limits.apiPerClient.badCredentialsPoints - 1);
  }

  /** One GraphQL mutation by a caller; answers the seconds to wait when over the limit. */
  mutation(callerKey: string): Promise<number | null> {
    return consume(this.mutations, callerKey);
  }
}

const ipKey = (ip: string | undefined) => ip ?? "unknown";

/** Deletes limiter rows that expired over an hour ago, now and every intervalMs; returns a stop function. */
export function scheduleRateLimitPurge(db: Db, onError: (error: unknown) => void, intervalMs = 5 * 60 * 1000) {
  const run = () =>
    db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: new Date(Date.now() - 3600 * 1000) } } }).catch(onError);
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
