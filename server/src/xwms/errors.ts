import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type CoreError, type ErrorCode, ValidationError } from "../core/errors.js";
import { XwmsError } from "./envelope.js";

type Wire = { status: ContentfulStatusCode; message?: (error: CoreError) => string };

/**
 * The one table from the core's errors to the envelope: the HTTP status of each code, and the
 * message when the envelope words it differently from the core. The XWMS contract tests pin both.
 */
const ENVELOPE: Record<ErrorCode, Wire> = {
  // The envelope words "not found" without a closing full stop, as XWMS does ("Address not found").
  NOT_FOUND: { status: 404, message: (error) => error.message.replace(/\.$/, "") },
  FORBIDDEN: { status: 403 },
  VALIDATION_FAILED: {
    status: 400,
    message: (error) =>
      `Invalid request: ${(error as ValidationError).fieldErrors.map((f) => `${f.field} ${f.message}`).join("; ")}`,
  },
  CONFLICT: { status: 409 },
  UNAUTHENTICATED: { status: 401 },
  INVALID_CREDENTIALS: { status: 401 },
  EMAIL_TAKEN: { status: 409 },
  WRONG_PASSWORD: { status: 403 },
  INVALID_LINK: { status: 400 },
  RATE_LIMITED: { status: 429 },
  PROOF_OF_WORK_REQUIRED: { status: 428 },
  PLAN_REQUIRED: { status: 402 },
  CLIENT_UNAUTHENTICATED: { status: 401 },
  CLIENT_FORBIDDEN: { status: 403 },
  REDIRECT_NOT_ALLOWED: { status: 400 },
  SECOND_FACTOR_REQUIRED: { status: 401 },
  INVALID_SECOND_FACTOR: { status: 401 },
  INVALID_EMAIL_CODE: { status: 400 },
  LOGIN_REQUEST_NOT_FOUND: { status: 404 },
  LOGIN_REQUEST_EXPIRED: { status: 410 },
  LOGIN_REQUEST_ALREADY_USED: { status: 409 },
  LOGIN_REQUEST_DOMAIN_INACTIVE: { status: 403 },
  LOGIN_REQUEST_LOGIN_NOT_ALLOWED: { status: 403 },
  LOGIN_REQUEST_TEST_MODE_DENIED: { status: 403 },
  LOGIN_REQUEST_DECLINED: { status: 403 },
  LOGIN_TOKEN_UNKNOWN: { status: 404 },
  LOGIN_TOKEN_ALREADY_USED: { status: 409 },
  LOGIN_TOKEN_EXPIRED: { status: 410 },
  LOGIN_TOKEN_DECLINED: { status: 403 },
  LOGIN_TOKEN_PENDING: { status: 409 },
  UPSTREAM_SIGN_IN_FAILED: { status: 400 },
};

/** A core error as the envelope answers it; field errors travel in data.errors, named as the request named them. */
export function envelopeError(error: CoreError): XwmsError {
  const wire = ENVELOPE[error.code];
  const data = error instanceof ValidationError ? { errors: error.fieldErrors } : {};
  return new XwmsError(wire.status, wire.message ? wire.message(error) : error.message, data);
}
