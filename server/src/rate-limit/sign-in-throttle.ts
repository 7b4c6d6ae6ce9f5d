import { RateLimiterRes } from "rate-limiter-flexible";
import { ProofOfWork, type ProofOfWorkDifficulty, type ProofOfWorkPurpose } from "../core/auth/proof-of-work.js";
import { serverSecret } from "../core/auth/server-secret.js";
import { ProofOfWorkRequiredError, RateLimitedError } from "../core/errors.js";
import type { Db } from "../db/client.js";
import type { RateLimits } from "./limits.js";
import { ipKey, type Limiter, type LimiterStore, retryAfter, storeLimiter, withRetry } from "./store.js";

export type PasswordAttempt = {
  /** The e-mail address the attempt names, lower-cased; counted whether or not an account has it. */
  email: string;
  ip: string | undefined;
  /** The ALTCHA payload solving an earlier ProofOfWorkRequiredError's challenge. */
  proofOfWork?: string | null | undefined;
};

/** Seconds left on a running wait, or 0. */
const remaining = (res: RateLimiterRes | null) => (res && res.msBeforeNext > 0 ? retryAfter(res) : 0);

/**
 * Slows password guessing without locking the owner out. Failures are counted per e-mail address and per
 * (e-mail address, IP address): after a few, every attempt for that address needs a solved proof-of-work
 * challenge, and the next attempt waits a little longer after each failure (short for the address from
 * anywhere, longer from the IP address that keeps failing). The per-IP flood limit stays as it was.
 */
export class SignInThrottle {
  private readonly perIp: Limiter;
  private readonly accountFailures: Limiter;
  private readonly sourceFailures: Limiter;
  private readonly accountWait: Limiter;
  private readonly sourceWait: Limiter;
  readonly proofOfWork: ProofOfWork;

  constructor(
    store: LimiterStore,
    private readonly limits: Pick<RateLimits, "signInPerIp" | "signInPerAccount" | "proofOfWork">,
    db: Db,
  ) {
    const { signInPerIp, signInPerAccount, proofOfWork } = limits;
    const counter = (keyPrefix: string) =>
      storeLimiter(store, { keyPrefix, points: Number.MAX_SAFE_INTEGER, duration: signInPerAccount.windowSeconds });
    // A wait is a blocked key: a live row means "not yet", and its expiry is when.
    const wait = (keyPrefix: string) => storeLimiter(store, { keyPrefix, points: 1, duration: 1 });
    this.perIp = storeLimiter(store, {
      keyPrefix: "signin-ip",
      points: signInPerIp.failures,
      duration: signInPerIp.windowSeconds,
    });
    this.accountFailures = counter("signin-account");
    this.sourceFailures = counter("signin-source");
    this.accountWait = wait("signin-account-wait");
    this.sourceWait = wait("signin-source-wait");
    this.proofOfWork = proofOfWorkIn(store, db, proofOfWork, "sign-in");
  }

  /**
   * Before a password is checked: refuses while a wait runs (RateLimitedError), then, once the address has
   * failed often enough, wants a solved challenge (ProofOfWorkRequiredError carrying a new one). Callers that
   * already proved who they are (re-entering the password while signed in) pass `challenge: false`.
   */
  async admit({ email, ip, proofOfWork }: PasswordAttempt, { challenge = true } = {}): Promise<void> {
    const source = sourceKey(email, ip);
    const [byIp, accountWait, sourceWait, failures] = await Promise.all([
      this.perIp.get(ipKey(ip)),
      this.accountWait.get(email),
      this.sourceWait.get(source),
      this.accountFailures.get(email),
    ]);
    const flooded = byIp && byIp.consumedPoints >= this.limits.signInPerIp.failures ? retryAfter(byIp) : 0;
    const waitSeconds = Math.max(flooded, remaining(accountWait), remaining(sourceWait));
    if (waitSeconds > 0) throw new RateLimitedError(waitSeconds);
    if (!challenge || (failures?.consumedPoints ?? 0) < this.limits.signInPerAccount.challengeAfter) return;
    if (!proofOfWork)
      throw new ProofOfWorkRequiredError("REQUIRED", JSON.stringify(await this.proofOfWork.challenge()));
    const outcome = await this.proofOfWork.verify(proofOfWork);
    if (outcome !== "VERIFIED")
      throw new ProofOfWorkRequiredError(outcome, JSON.stringify(await this.proofOfWork.challenge()));
  }

  /** Counts a wrong password (or unknown address) and starts the wait before the next attempt. */
  async failed(email: string, ip: string | undefined): Promise<void> {
    const source = sourceKey(email, ip);
    const [account, fromSource] = await Promise.all([
      withRetry(() => this.accountFailures.consume(email)),
      withRetry(() => this.sourceFailures.consume(source)),
      withRetry(() => this.perIp.consume(ipKey(ip))).catch((error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
      }),
    ]);
    const { maxAccountDelaySeconds, maxSourceDelaySeconds } = this.limits.signInPerAccount;
    const accountDelay = this.delay(account.consumedPoints, maxAccountDelaySeconds);
    const sourceDelay = this.delay(fromSource.consumedPoints, maxSourceDelaySeconds);
    await Promise.all([
      accountDelay > 0 ? withRetry(() => this.accountWait.block(email, accountDelay)) : null,
      sourceDelay > 0 ? withRetry(() => this.sourceWait.block(source, sourceDelay)) : null,
    ]);
  }

  /** The right password: the address's failures and waits are forgotten (those of other IP addresses expire). */
  async succeeded(email: string, ip: string | undefined): Promise<void> {
    const source = sourceKey(email, ip);
    await Promise.all([
      this.accountFailures.delete(email),
      this.accountWait.delete(email),
      this.sourceFailures.delete(source),
      this.sourceWait.delete(source),
    ]);
  }

  /** Seconds to wait after the n-th failure: none before `delayAfter`, then firstDelaySeconds doubling up to `max`. */
  private delay(failures: number, max: number): number {
    const { delayAfter, firstDelaySeconds } = this.limits.signInPerAccount;
    if (failures < delayAfter) return 0;
    return Math.min(firstDelaySeconds * 2 ** Math.min(failures - delayAfter, 30), max);
  }
}

/** Challenges for `purpose`, whose accepted solutions are remembered in the shared store (one use each). */
export function proofOfWorkIn(
  store: LimiterStore,
  db: Db,
  difficulty: ProofOfWorkDifficulty,
  purpose: ProofOfWorkPurpose,
): ProofOfWork {
  const solutions = storeLimiter(store, { keyPrefix: "pow-used", points: 1, duration: difficulty.ttlSeconds });
  return new ProofOfWork(
    () => serverSecret(db, "altcha-hmac"),
    (nonce) =>
      withRetry(() => solutions.consume(nonce)).then(
        () => true,
        (error: unknown) => {
          if (error instanceof RateLimiterRes) return false;
          throw error;
        },
      ),
    difficulty,
    purpose,
  );
}

const sourceKey = (email: string, ip: string | undefined) => `${email}|${ipKey(ip)}`;
