import { RateLimiterMemory } from "rate-limiter-flexible";
import type { ProofOfWork } from "../core/auth/proof-of-work.js";
import type { Db } from "../db/client.js";
import { readCounter } from "../db/hot/rate-limit.js";
import { hotSqlOf } from "../db/hot/registry.js";
import type { RateLimits } from "./limits.js";
import { proofOfWorkIn, SignInThrottle } from "./sign-in-throttle.js";
import { consume, ipKey, type Limiter, type LimiterStore, storeLimiter } from "./store.js";

export type { LimiterStore } from "./store.js";

/** The limiters, in the RateLimiterFlexible table or in Redis, so every instance shares them. */
export class RateLimiters {
  /** Every door that checks a password goes through this one throttle. */
  readonly signIn: SignInThrottle;
  /** Every new account first solves one of these challenges (ALTCHA, checked here, no outside service). */
  readonly registration: ProofOfWork;
  private readonly api: Limiter;
  private readonly apiFailures: Limiter;
  /** Reads the failure counter of a (client id, source IP) without a write, from Redis (null: it is in the database). */
  private readonly apiFailureCount: ((key: string) => Promise<Count | null>) | null;
  private readonly mutations: Limiter;
  private readonly mutationFailures: Limiter;
  /** Reads a caller's failed-mutation counter without a write; the check every mutation makes. */
  private readonly mutationFailureCount: (key: string) => Promise<Count | null>;
  private readonly secondFactorFailures: Limiter;
  private readonly emailCodes: Limiter;
  private readonly signInStarts: Limiter;

  /** `db` keeps the key that signs sign-in challenges, whichever store holds the counters. */
  constructor(
    store: LimiterStore,
    readonly limits: RateLimits,
    db: Db,
  ) {
    const limiter = (options: { keyPrefix: string; points: number; duration: number }) => storeLimiter(store, options);
    const { apiPerClient, mutationsPerCaller } = limits;
    this.signIn = new SignInThrottle(store, limits, db);
    this.registration = proofOfWorkIn(store, db, limits.proofOfWork, "register");
    // Successful traffic never writes to the database: per instance in memory, or shared in Redis.
    const apiOptions = { keyPrefix: "api-client", points: apiPerClient.points, duration: apiPerClient.windowSeconds };
    this.api = store.kind === "redis" ? limiter(apiOptions) : new RateLimiterMemory(apiOptions);
    this.apiFailures = limiter({
      keyPrefix: "api-failures",
      points: limits.apiFailuresPerSource.failures,
      duration: limits.apiFailuresPerSource.windowSeconds,
    });
    // In the database the counter is read with the client's own facts, in one statement (apiSourceLockout).
    this.apiFailureCount = store.kind === "redis" ? counterReader(store, this.apiFailures) : null;
    // Like /api: successful mutations are counted per instance in memory (or in Redis), failed ones in every instance.
    const mutationOptions = {
      keyPrefix: "graphql-mutations",
      points: mutationsPerCaller.points,
      duration: mutationsPerCaller.windowSeconds,
    };
    this.mutations = store.kind === "redis" ? limiter(mutationOptions) : new RateLimiterMemory(mutationOptions);
    this.mutationFailures = limiter({ ...mutationOptions, keyPrefix: "graphql-mutation-failures" });
    this.mutationFailureCount = counterReader(store, this.mutationFailures);
    this.secondFactorFailures = limiter({
      keyPrefix: "second-factor-failures",
      points: limits.secondFactorPerAccount.failures,
      duration: limits.secondFactorPerAccount.windowSeconds,
    });
    this.signInStarts = limiter({
      keyPrefix: "signin-start-ip",
      points: limits.signInStartsPerIp.points,
      duration: limits.signInStartsPerIp.windowSeconds,
    });
    this.emailCodes = limiter({
      keyPrefix: "email-codes",
      points: limits.emailCodesPerAccount.points,
      duration: limits.emailCodesPerAccount.windowSeconds,
    });
  }

  /** Seconds the account must wait before entering another second-factor code; null when it may. */
  async secondFactorBlockedFor(userId: string): Promise<number | null> {
    const res = await this.secondFactorFailures.get(userId);
    if (!res || res.consumedPoints < this.limits.secondFactorPerAccount.failures) return null;
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  }

  /** Counts a wrong second-factor code against the account, in every instance. */
  async secondFactorFailed(userId: string): Promise<void> {
    await consume(this.secondFactorFailures, userId);
  }

  /** `count` sign-in starts from one source IP address, on any door; answers the seconds to wait when over the limit. */
  signInStart(ip: string | undefined, count = 1): Promise<number | null> {
    return consume(this.signInStarts, ipKey(ip), count);
  }

  /** One sign-in code mailed to the account; answers the seconds to wait when over the limit. */
  emailCode(userId: string): Promise<number | null> {
    return consume(this.emailCodes, userId);
  }

  /** One more confirmation mail (code and link) the person asked for; the seconds to wait when over the limit. */
  verificationMail(userId: string): Promise<number | null> {
    return consume(this.emailCodes, `verify:${userId}`);
  }

  /**
   * How client authentication reads this source's bad-credential count for this client id, before it checks a
   * secret: as a row of the database's counter table (read in the same statement as the client's facts), or
   * from Redis.
   */
  apiSourceLockout(clientId: string, ip: string | undefined): SourceLockout {
    const key = sourceKey(clientId, ip);
    const { failures } = this.limits.apiFailuresPerSource;
    const read = this.apiFailureCount;
    return read ? { failures, read: () => read(key) } : { failures, row: this.apiFailures.getKey(key) };
  }

  /** One /api request by a client id; answers the seconds to wait when over the limit. */
  apiRequest(clientId: string): Promise<number | null> {
    return consume(this.api, clientId);
  }

  /** The request had bad credentials: it is charged to its source for this client, and not to the client's volume. */
  async apiBadCredentials(clientId: string, ip: string | undefined): Promise<void> {
    await Promise.all([consume(this.apiFailures, sourceKey(clientId, ip)), this.api.reward(clientId, 1)]);
  }

  /**
   * One GraphQL mutation by a caller; answers the seconds to wait when over the limit: the caller's failed mutations
   * in every instance, then its mutations in this instance (or in Redis).
   */
  async mutation(callerKey: string): Promise<number | null> {
    const failures = await this.mutationFailureCount(callerKey);
    if (failures && failures.points >= this.limits.mutationsPerCaller.points) {
      return Math.max(1, Math.ceil(failures.msBeforeNext / 1000));
    }
    return consume(this.mutations, callerKey);
  }

  /** The mutation answered with a typed error: counted against the caller in every instance. */
  async mutationFailed(callerKey: string): Promise<void> {
    await consume(this.mutationFailures, callerKey);
  }
}

export type Count = { points: number; msBeforeNext: number };

/**
 * A source's count of bad client credentials, which client authentication checks before any secret: `failures`
 * or more means the source waits. The count is a row of the database's RateLimiterFlexible table (`row`, its
 * key) or is read from Redis (`read`).
 */
export type SourceLockout = { failures: number } & ({ row: string } | { read: () => Promise<Count | null> });

/** A shared counter read without a write: from Redis, or as one prepared statement on the database. */
function counterReader(store: LimiterStore, limiter: Limiter): (key: string) => Promise<Count | null> {
  if (store.kind === "redis") {
    return async (key) => {
      const res = await limiter.get(key);
      return res && { points: res.consumedPoints, msBeforeNext: res.msBeforeNext };
    };
  }
  const sql = hotSqlOf(store.db);
  return async (key) => {
    const row = await readCounter(sql, limiter.getKey(key));
    return row && { points: row.points, msBeforeNext: row.expire ? row.expire.getTime() - Date.now() : 0 };
  };
}

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
