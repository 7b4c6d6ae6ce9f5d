import { CoreError, RateLimitedError } from "../core/errors.js";
import { describeError, type Logger } from "../http/logger.js";
import type { RateLimiters } from "../rate-limit/limiters.js";
import type { XwmsAnswer } from "./deps.js";
import { refusal, XwmsError } from "./envelope.js";
import { envelopeError } from "./errors.js";

/**
 * The steps every /api call takes around its endpoint, shared by the Hono routes (routes.ts) and the
 * Node-level fast path (fast-path.ts), so the two cannot drift apart.
 */
export type XwmsPipeline = { limiters: RateLimiters; logger: Logger; trustProxy: number };

/**
 * Before any work: the client's volume (counted per instance, or in Redis). Null when the call may go on; otherwise
 * the seconds to wait (the answer's Retry-After). A source locked out after bad credentials is refused by client
 * authentication (deps.ts), which reads its count with the client's facts.
 */
export function admissionWait({ limiters }: XwmsPipeline, clientId: string): Promise<number | null> {
  return limiters.apiRequest(clientId);
}

export const tooManyRequests = (wait: number) =>
  new XwmsError(429, `Too many requests for this client. Try again in ${wait} seconds.`);

/** After the answer: bad credentials are charged to their source for this client, in every instance. */
export async function afterAnswer(
  { limiters }: XwmsPipeline,
  clientId: string,
  ip: string | undefined,
  status: number,
): Promise<void> {
  if (status === 401) await limiters.apiBadCredentials(clientId, ip);
}

/** Any failure as the envelope answers it; what is not an XWMS or core error is logged and becomes a 500. */
export function answerError(
  { logger }: XwmsPipeline,
  error: unknown,
  where: { requestId: string | undefined; path: string },
): XwmsAnswer {
  if (error instanceof XwmsError) return refusal(error);
  if (error instanceof RateLimitedError) {
    return { ...refusal(envelopeError(error)), headers: { "retry-after": String(error.retryAfterSeconds) } };
  }
  if (error instanceof CoreError) return refusal(envelopeError(error));
  logger.error("unhandled error", { requestId: where.requestId, path: where.path, ...describeError(error) });
  return refusal(new XwmsError(500, "Internal server error"));
}

export const bodyTooLarge = (limit: number) => new XwmsError(413, `Request body is larger than ${limit} bytes`);
