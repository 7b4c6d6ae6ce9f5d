import type { Config } from "../config.js";

/** Every limit Gatehouse enforces, in one place; tests pass their own through createApp({ rateLimits }). */
export type RateLimits = {
  /** Failed sign-ins from one IP address within the window. */
  signInPerIp: { failures: number; windowSeconds: number };
  /** Failed sign-ins for one e-mail address before it locks; each further lock lasts twice as long. */
  signInPerAccount: { failures: number; windowSeconds: number; firstLockSeconds: number; maxLockSeconds: number };
  /** Requests per client id on /api, counted per instance (or in Redis with REDIS_URL); refused ones are free. */
  apiPerClient: { points: number; windowSeconds: number };
  /** Bad credentials for one client id from one source IP before that source is refused for that client. */
  apiFailuresPerSource: { failures: number; windowSeconds: number };
  /** GraphQL mutations per session, API token, client or (anonymous) IP address. */
  mutationsPerCaller: { points: number; windowSeconds: number };
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerIp: { failures: 20, windowSeconds: 15 * 60 },
  signInPerAccount: { failures: 5, windowSeconds: 60 * 60, firstLockSeconds: 60, maxLockSeconds: 60 * 60 },
  apiPerClient: { points: 600, windowSeconds: 60 },
  apiFailuresPerSource: { failures: 20, windowSeconds: 60 },
  mutationsPerCaller: { points: 120, windowSeconds: 60 },
};

/**
 * Under NODE_ENV=test every suite hammers one server from 127.0.0.1, so the volume limits are
 * raised a hundredfold; the suites that test the limits pass DEFAULT_RATE_LIMITS explicitly.
 */
const TEST_RATE_LIMITS: RateLimits = {
  ...DEFAULT_RATE_LIMITS,
  signInPerIp: { failures: 2_000, windowSeconds: 15 * 60 },
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
