import type { Config } from "../config.js";
import type { ProofOfWorkDifficulty } from "../core/auth/proof-of-work.js";

/** Every limit Gatehouse enforces, in one place; tests pass their own through createApp({ rateLimits }). */
export type RateLimits = {
  /** Failed sign-ins from one IP address within the window, across accounts; over it that address is refused. */
  signInPerIp: { failures: number; windowSeconds: number };
  /**
   * Sign-in starts (passwordless passkey options, a mailed sign-in code, an upstream provider's redirect) from
   * one IP address within the window, across accounts; each writes a row or sends a mail, so they are counted.
   */
  signInStartsPerIp: { points: number; windowSeconds: number };
  /**
   * Failed password checks for one e-mail address, and for one (e-mail address, IP address), remembered for
   * windowSeconds. From `challengeAfter` failures of the account on, every sign-in needs a solved challenge; from
   * `delayAfter` failures on, the next attempt waits firstDelaySeconds, doubling with each failure, up to
   * maxAccountDelaySeconds for the account from anywhere and maxSourceDelaySeconds from the failing IP address.
   * Nothing locks the owner out: the right password with a solved challenge gets in once the wait is over.
   */
  signInPerAccount: {
    challengeAfter: number;
    delayAfter: number;
    windowSeconds: number;
    firstDelaySeconds: number;
    maxAccountDelaySeconds: number;
    maxSourceDelaySeconds: number;
  };
  /** The work one sign-in challenge asks of the browser. */
  proofOfWork: ProofOfWorkDifficulty;
  /** Requests per client id on /api, counted per instance (or in Redis with REDIS_URL); refused ones are free. */
  apiPerClient: { points: number; windowSeconds: number };
  /** Bad credentials for one client id from one source IP before that source is refused for that client. */
  apiFailuresPerSource: { failures: number; windowSeconds: number };
  /** GraphQL mutations per session, API token, client or (anonymous) IP address. */
  mutationsPerCaller: { points: number; windowSeconds: number };
  /** Wrong second-factor codes for one account, across its sign-ins; over it code entry waits. */
  secondFactorPerAccount: { failures: number; windowSeconds: number };
  /** Sign-in codes mailed to one account within the window. */
  emailCodesPerAccount: { points: number; windowSeconds: number };
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerIp: { failures: 20, windowSeconds: 15 * 60 },
  signInStartsPerIp: { points: 30, windowSeconds: 60 },
  signInPerAccount: {
    challengeAfter: 3,
    delayAfter: 3,
    windowSeconds: 24 * 3600,
    firstDelaySeconds: 1,
    maxAccountDelaySeconds: 30,
    maxSourceDelaySeconds: 5 * 60,
  },
  // Under a second of an idle desktop browser's time (SHA-256 in workers); checking an answer is one HMAC.
  proofOfWork: { minCounter: 10_000, maxCounter: 40_000, cost: 1, ttlSeconds: 5 * 60 },
  apiPerClient: { points: 600, windowSeconds: 60 },
  apiFailuresPerSource: { failures: 20, windowSeconds: 60 },
  mutationsPerCaller: { points: 120, windowSeconds: 60 },
  secondFactorPerAccount: { failures: 10, windowSeconds: 15 * 60 },
  emailCodesPerAccount: { points: 5, windowSeconds: 15 * 60 },
};

/**
 * Under NODE_ENV=test every suite hammers one server from 127.0.0.1, so the volume limits are
 * raised a hundredfold; the suites that test the limits pass DEFAULT_RATE_LIMITS explicitly.
 */
const TEST_RATE_LIMITS: RateLimits = {
  ...DEFAULT_RATE_LIMITS,
  signInPerIp: { failures: 2_000, windowSeconds: 15 * 60 },
  signInStartsPerIp: { points: 3_000, windowSeconds: 60 },
  // The suites solve challenges in Node: a little work keeps them quick.
  proofOfWork: { minCounter: 1_000, maxCounter: 5_000, cost: 1, ttlSeconds: 5 * 60 },
  apiPerClient: { points: 60_000, windowSeconds: 60 },
  apiFailuresPerSource: { failures: 2_000, windowSeconds: 60 },
  mutationsPerCaller: { points: 12_000, windowSeconds: 60 },
};

/** The limits for this deployment: the defaults, with the per-client and per-caller volumes from the config. */
export const defaultRateLimits = (
  config: Pick<Config, "env" | "apiRequestsPerMinute" | "mutationsPerMinute">,
): RateLimits => {
  if (config.env === "test") return TEST_RATE_LIMITS;
  return {
    ...DEFAULT_RATE_LIMITS,
    apiPerClient: { ...DEFAULT_RATE_LIMITS.apiPerClient, points: config.apiRequestsPerMinute },
    mutationsPerCaller: { ...DEFAULT_RATE_LIMITS.mutationsPerCaller, points: config.mutationsPerMinute },
  };
};
