export type LoginFailureCode =
  | "NOT_FOUND"
  | "EXPIRED"
  | "ALREADY_USED"
  | "DOMAIN_INACTIVE"
  | "LOGIN_NOT_ALLOWED"
  | "TEST_MODE_DENIED"
  | "DECLINED";

export const LOGIN_FAILURE_MESSAGES: Record<LoginFailureCode, string> = {
  NOT_FOUND: "This sign-in link is not valid. Start the sign-in again from the app.",
  EXPIRED: "This sign-in link has expired. Start the sign-in again from the app.",
  ALREADY_USED: "This sign-in link has already been used. Start the sign-in again from the app.",
  DOMAIN_INACTIVE: "This app's domain is inactive, so it cannot sign you in.",
  LOGIN_NOT_ALLOWED: "This app's domain does not allow sign-in.",
  TEST_MODE_DENIED: "This app is in test mode; only its team and invited test users can sign in.",
  DECLINED: "You declined to share your data, so the app did not sign you in.",
};

/** A failure in the browser part of the login; carries the fallback redirect when the domain has one. */
export class LoginFlowError extends Error {
  constructor(
    readonly code: LoginFailureCode,
    readonly redirectUrl?: string,
  ) {
    super(LOGIN_FAILURE_MESSAGES[code]);
  }
}
