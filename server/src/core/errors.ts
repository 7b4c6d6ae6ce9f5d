/**
 * The one error vocabulary of Gatehouse. Every rule the core enforces fails with a CoreError: a
 * stable `code`, a message safe to show the caller, a suggested HTTP status and optional details.
 * No error here belongs to a transport; each door maps them to its wire format in one table
 * (xwms/errors.ts for the envelope, graphql/errors.ts for the typed unions).
 */

/** Why the browser part of a login cannot go on (the hosted login pages and LoginRequestError.code). */
export type LoginFailureCode =
  | "NOT_FOUND"
  | "EXPIRED"
  | "ALREADY_USED"
  | "DOMAIN_INACTIVE"
  | "LOGIN_NOT_ALLOWED"
  | "TEST_MODE_DENIED"
  | "DECLINED";

/** Why a partner's sign-token-verify cannot hand out the person's data. */
export type LoginTokenFailureCode = "UNKNOWN" | "ALREADY_USED" | "EXPIRED" | "DECLINED" | "PENDING";

export type ErrorCode =
  | "PROOF_OF_WORK_REQUIRED"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "VALIDATION_FAILED"
  | "CONFLICT"
  | "UNAUTHENTICATED"
  | "INVALID_CREDENTIALS"
  | "EMAIL_TAKEN"
  | "WRONG_PASSWORD"
  | "INVALID_LINK"
  | "RATE_LIMITED"
  | "PLAN_REQUIRED"
  | "CLIENT_UNAUTHENTICATED"
  | "CLIENT_FORBIDDEN"
  | "REDIRECT_NOT_ALLOWED"
  | "SECOND_FACTOR_REQUIRED"
  | "INVALID_SECOND_FACTOR"
  | "INVALID_EMAIL_CODE"
  | "INVALID_PASSKEY"
  | `LOGIN_REQUEST_${LoginFailureCode}`
  | `LOGIN_TOKEN_${LoginTokenFailureCode}`
  | "UPSTREAM_SIGN_IN_FAILED";

/** Why a sign-in through an upstream provider (Google, Microsoft, …) cannot go on. */
export type UpstreamFailureCode =
  | "UNKNOWN_PROVIDER"
  | "STATE_MISMATCH"
  | "EXPIRED"
  | "DENIED"
  | "PROVIDER_ERROR"
  | "EMAIL_UNVERIFIED"
  | "ACCOUNT_UNAVAILABLE";

export type FieldError = { field: string; message: string };

export abstract class CoreError extends Error {
  abstract readonly code: ErrorCode;
  /** The HTTP status a door answers with unless its own table says otherwise. */
  abstract readonly status: number;
}

/** Also answers for objects of clients the caller is not part of, so other tenants cannot be probed. */
export class NotFoundError extends CoreError {
  readonly code = "NOT_FOUND";
  readonly status = 404;
}

export class ForbiddenError extends CoreError {
  readonly code = "FORBIDDEN";
  readonly status = 403;
}

export class ConflictError extends CoreError {
  readonly code = "CONFLICT";
  readonly status = 409;
}

export class ValidationError extends CoreError {
  readonly code = "VALIDATION_FAILED";
  readonly status = 400;
  constructor(
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(message);
  }
}

export class NotAuthenticatedError extends CoreError {
  readonly code = "UNAUTHENTICATED";
  readonly status = 401;
  constructor(message = "Sign in to continue.") {
    super(message);
  }
}

export class InvalidCredentialsError extends CoreError {
  readonly code = "INVALID_CREDENTIALS";
  readonly status = 401;
  constructor() {
    super("The e-mail address or password is incorrect.");
  }
}

export class EmailTakenError extends CoreError {
  readonly code = "EMAIL_TAKEN";
  readonly status = 409;
  constructor() {
    super("An account with this e-mail address already exists. Sign in instead.");
  }
}

/** The current password given to confirm a sensitive change is wrong. */
export class WrongPasswordError extends CoreError {
  readonly code = "WRONG_PASSWORD";
  readonly status = 403;
  constructor() {
    super("Your current password is incorrect.");
  }
}

export type InvalidLinkReason = "NOT_FOUND" | "EXPIRED" | "ALREADY_USED";

/** A mailed link (e-mail confirmation, password reset) that is unknown, expired or already used. */
export class InvalidLinkError extends CoreError {
  readonly code = "INVALID_LINK";
  readonly status = 400;
  constructor(readonly reason: InvalidLinkReason) {
    super(
      reason === "EXPIRED"
        ? "This link has expired. Ask for a new one."
        : reason === "ALREADY_USED"
          ? "This link has already been used. Ask for a new one if you still need it."
          : "This link is not valid. Check that you copied all of it, or ask for a new one.",
    );
  }
}

export class PlanRequiredError extends CoreError {
  readonly code = "PLAN_REQUIRED";
  readonly status = 402;
  constructor(message = "Only accounts on the PAID plan can own clients. Upgrade your plan to create one.") {
    super(message);
  }
}

/** "4 seconds", "1 minute", "5 minutes": the wait as a person reads it. */
const wait = (seconds: number) => {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const count = Math.ceil(seconds / 60);
  return count === 1 ? "1 minute" : `${count} minutes`;
};

/**
 * The caller must wait: sign-in for this e-mail address or IP address (the same answer whether the account exists
 * or not), or a source refused after too many bad client credentials (its own message).
 */
export class RateLimitedError extends CoreError {
  readonly code = "RATE_LIMITED";
  readonly status = 429;
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many sign-in attempts. Try again in ${wait(retryAfterSeconds)}.`,
  ) {
    super(message);
  }
}

/** Client credentials (id, secret, domain) that are missing, unknown, revoked or expired. */
export class ClientUnauthenticatedError extends CoreError {
  readonly code = "CLIENT_UNAUTHENTICATED";
  readonly status = 401;
}

/** Client credentials that are valid but may not be used for this domain, purpose or source IP. */
export class ClientForbiddenError extends CoreError {
  readonly code = "CLIENT_FORBIDDEN";
  readonly status = 403;
}

/** A redirect URL that is neither on the domain nor one of its active callback URLs. */
export class RedirectNotAllowedError extends CoreError {
  readonly code = "REDIRECT_NOT_ALLOWED";
  readonly status = 400;
  constructor() {
    super("redirect_url must be on the domain or one of its active callback URLs");
  }
}

export const LOGIN_FAILURE_MESSAGES: Record<LoginFailureCode, string> = {
  NOT_FOUND: "This sign-in link is not valid. Start the sign-in again from the app.",
  EXPIRED: "This sign-in link has expired. Start the sign-in again from the app.",
  ALREADY_USED: "This sign-in link has already been used. Start the sign-in again from the app.",
  DOMAIN_INACTIVE: "This app's domain is inactive, so it cannot sign you in.",
  LOGIN_NOT_ALLOWED: "This app's domain does not allow sign-in.",
  TEST_MODE_DENIED: "This app is in test mode; only its team and invited test users can sign in.",
  DECLINED: "You declined to share your data, so the app did not sign you in.",
};

const LOGIN_FAILURE_STATUS: Record<LoginFailureCode, number> = {
  NOT_FOUND: 404,
  EXPIRED: 410,
  ALREADY_USED: 409,
  DOMAIN_INACTIVE: 403,
  LOGIN_NOT_ALLOWED: 403,
  TEST_MODE_DENIED: 403,
  DECLINED: 403,
};

/** A failure in the browser part of the login; carries the fallback redirect when the domain has one. */
export class LoginFlowError extends CoreError {
  readonly code: `LOGIN_REQUEST_${LoginFailureCode}`;
  readonly status: number;
  constructor(
    readonly reason: LoginFailureCode,
    readonly redirectUrl?: string,
  ) {
    super(LOGIN_FAILURE_MESSAGES[reason]);
    this.code = `LOGIN_REQUEST_${reason}`;
    this.status = LOGIN_FAILURE_STATUS[reason];
  }
}

const LOGIN_TOKEN_FAILURES: Record<LoginTokenFailureCode, { status: number; message: string }> = {
  UNKNOWN: { status: 404, message: "Unknown login token" },
  ALREADY_USED: { status: 409, message: "This login token has already been used" },
  EXPIRED: { status: 410, message: "This login token has expired" },
  DECLINED: { status: 403, message: "The user declined the login" },
  PENDING: { status: 409, message: "The user has not finished signing in yet" },
};

/** A partner's login token that cannot be exchanged (sign-token-verify). */
export class LoginTokenError extends CoreError {
  readonly code: `LOGIN_TOKEN_${LoginTokenFailureCode}`;
  readonly status: number;
  constructor(readonly reason: LoginTokenFailureCode) {
    super(LOGIN_TOKEN_FAILURES[reason].message);
    this.code = `LOGIN_TOKEN_${reason}`;
    this.status = LOGIN_TOKEN_FAILURES[reason].status;
  }
}

export type ProofOfWorkRefusal = "REQUIRED" | "INVALID" | "EXPIRED" | "USED";

const PROOF_OF_WORK_MESSAGES: Record<ProofOfWorkRefusal, string> = {
  REQUIRED: "Several sign-in attempts failed for this address, so your browser first solves a short check.",
  INVALID: "The browser check did not pass. A new one has started.",
  EXPIRED: "The browser check took too long. A new one has started.",
  USED: "That browser check was already used. A new one has started.",
};

/**
 * Sign-in needs a solved ALTCHA challenge first (after failures for this address; the same for addresses
 * without an account). Carries a fresh challenge, as JSON; its solution goes with the next attempt.
 */
export class ProofOfWorkRequiredError extends CoreError {
  readonly code = "PROOF_OF_WORK_REQUIRED";
  readonly status = 428;
  constructor(
    readonly reason: ProofOfWorkRefusal,
    readonly challenge: string,
    message: string = PROOF_OF_WORK_MESSAGES[reason],
  ) {
    super(message);
  }
}

export const UPSTREAM_FAILURE_MESSAGES: Record<UpstreamFailureCode, string> = {
  UNKNOWN_PROVIDER: "This sign-in provider is not available.",
  STATE_MISMATCH: "This sign-in did not start in this browser. Start it again from the sign-in page.",
  EXPIRED: "This sign-in took too long or was already finished. Start it again from the sign-in page.",
  DENIED: "The provider did not sign you in. Try again, or sign in with your password.",
  PROVIDER_ERROR: "The provider's answer could not be verified. Try again, or sign in with your password.",
  EMAIL_UNVERIFIED: "The provider did not confirm your e-mail address, so it cannot sign you in here.",
  ACCOUNT_UNAVAILABLE: "This account cannot sign in. Contact the people who run this Gatehouse.",
};

/** An upstream sign-in that failed; the hosted door sends the browser back to the sign-in page with the code. */
export class UpstreamSignInError extends CoreError {
  readonly code = "UPSTREAM_SIGN_IN_FAILED";
  readonly status = 400;
  constructor(readonly reason: UpstreamFailureCode) {
    super(UPSTREAM_FAILURE_MESSAGES[reason]);
  }
}

/** The ways a person can prove the second factor of a sign-in. */
export type SecondFactorMethod = "TOTP" | "EMAIL" | "RECOVERY_CODE" | "PASSKEY";

/**
 * The password was right and the account has a second factor: the sign-in continues with the challenge
 * (a single-use token for this sign-in only) and one of the methods.
 */
export class SecondFactorRequiredError extends CoreError {
  readonly code = "SECOND_FACTOR_REQUIRED";
  readonly status = 401;
  constructor(
    readonly challenge: string,
    readonly methods: SecondFactorMethod[],
    /** Asked because the device and network are both new to the account. */
    readonly newDevice = false,
  ) {
    super(
      newDevice
        ? "This device and network are new to your account. Enter a code to finish signing in."
        : "Enter the code from your second factor to finish signing in.",
    );
  }
}

export type InvalidSecondFactorReason = "WRONG_CODE" | "CODE_EXPIRED" | "EXPIRED" | "TOO_MANY_ATTEMPTS";

const INVALID_SECOND_FACTOR_MESSAGES: Record<InvalidSecondFactorReason, string> = {
  WRONG_CODE: "That code is not right, or it was already used. Try the newest code.",
  CODE_EXPIRED: "This code has expired. Send yourself a new one.",
  EXPIRED: "This sign-in took too long. Sign in again.",
  TOO_MANY_ATTEMPTS: "Too many wrong codes for this sign-in. Sign in again.",
};

/** A second-factor code that is wrong or reused, or a sign-in challenge that can no longer be finished. */
export class InvalidSecondFactorError extends CoreError {
  readonly code = "INVALID_SECOND_FACTOR";
  readonly status = 401;
  constructor(
    readonly reason: InvalidSecondFactorReason,
    readonly attemptsLeft = 0,
  ) {
    const tries = reason === "WRONG_CODE" ? ` ${attemptsLeft === 1 ? "1 try" : `${attemptsLeft} tries`} left.` : "";
    super(`${INVALID_SECOND_FACTOR_MESSAGES[reason]}${tries}`);
  }
}

export type InvalidEmailCodeReason = "WRONG_CODE" | "EXPIRED" | "TOO_MANY_ATTEMPTS";

const INVALID_EMAIL_CODE_MESSAGES: Record<InvalidEmailCodeReason, string> = {
  WRONG_CODE: "That code is not right. Check the newest e-mail from Gatehouse.",
  EXPIRED: "This code has expired. Send yourself a new one.",
  TOO_MANY_ATTEMPTS: "Too many wrong tries for this code. Send yourself a new one.",
};

/** A 6-digit code confirming the e-mail address that is wrong, expired or tried too often. */
export class InvalidEmailCodeError extends CoreError {
  readonly code = "INVALID_EMAIL_CODE";
  readonly status = 400;
  constructor(
    readonly reason: InvalidEmailCodeReason,
    readonly attemptsLeft = 0,
  ) {
    const tries = reason === "WRONG_CODE" ? ` ${attemptsLeft === 1 ? "1 try" : `${attemptsLeft} tries`} left.` : "";
    super(`${INVALID_EMAIL_CODE_MESSAGES[reason]}${tries}`);
  }
}

/** Why a passkey ceremony (adding one, or signing in with one) did not count. */
export type InvalidPasskeyReason = "EXPIRED" | "NOT_ACCEPTED";

/**
 * A passkey answer was refused: its challenge is unknown, used or too old (EXPIRED), or the passkey,
 * its signature, origin, relying party or counter did not check out (NOT_ACCEPTED, never saying which).
 */
export class InvalidPasskeyError extends CoreError {
  readonly code = "INVALID_PASSKEY";
  readonly status = 401;
  constructor(readonly reason: InvalidPasskeyReason) {
    super(
      reason === "EXPIRED"
        ? "This passkey request took too long or was already used. Try again."
        : "That passkey was not accepted. Try again, or use another way to sign in.",
    );
  }
}
