import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Config } from "../config.js";
import type { ClientPurpose } from "../core/auth/client-credentials.js";
import { MISSING_CLIENT_CREDENTIALS } from "../core/auth/client-credentials.js";
import { type ClientActor, clientCredentials, resolveActor } from "../core/auth/strategies.js";
import type { Clock } from "../core/clock.js";
import { ClientUnauthenticatedError } from "../core/errors.js";
import type { Db } from "../db/client.js";
import type { RateLimiters } from "../rate-limit/limiters.js";
import type { Envelope } from "./envelope.js";

export type XwmsDeps = { db: Db; config: Config; clock: Clock; limiters: RateLimiters };

/** The X-Client-Id the limiters count by: at most 128 characters; none means the call is not counted. */
export const limiterClientId = (header: string | undefined) => header?.slice(0, 128) || undefined;

/**
 * One /api call as an endpoint reads it, whichever way it arrived: through Hono (routes.ts) or through
 * the Node-level fast path of the hottest endpoints (fast-path.ts). Both build it from the same request.
 */
export type XwmsRequest = {
  /** A request header by its lower-case name. */
  header(name: string): string | undefined;
  /** The caller's IP as client-ip.ts decides it (X-Forwarded-For only behind trusted proxies). */
  ip: string | undefined;
  /** The body as text (UTF-8, a leading BOM dropped), already bounded by the body limit. */
  text(): Promise<string>;
};

/**
 * What an endpoint answers: the envelope and its HTTP status; each door writes it its own way. An endpoint whose
 * answer is mostly fixed may give it as JSON text already (`json`, exactly what JSON.stringify of the envelope gives).
 */
export type XwmsAnswer = (
  | { status: ContentfulStatusCode; envelope: Envelope<unknown> }
  | { status: ContentfulStatusCode; json: string }
) & {
  /** Headers the answer needs besides the door's own (Retry-After on a 429), lower-case names. */
  headers?: Record<string, string>;
};

/** The answer's body as JSON text. */
export const answerJson = (answer: XwmsAnswer) => ("json" in answer ? answer.json : JSON.stringify(answer.envelope));

export type XwmsHandler = (request: XwmsRequest, deps: XwmsDeps) => Promise<XwmsAnswer>;

/**
 * Client authentication from the three X-Client-* headers an XWMS SDK sends; the only way into /api. A source that
 * sent bad credentials for this client id too often (pipeline.ts counts them) is refused before its secret is checked.
 */
export async function authenticate(request: XwmsRequest, deps: XwmsDeps, purpose: ClientPurpose): Promise<ClientActor> {
  const { ip } = request;
  const clientId = limiterClientId(request.header("x-client-id"));
  const sourceLockout = clientId ? deps.limiters.apiSourceLockout(clientId, ip) : undefined;
  // The client strategy reads headers and the IP only; /api honours no cookie.
  const authn = { header: request.header, cookie: () => undefined, ip, sourceLockout };
  const actor = await resolveActor([clientCredentials(purpose)], authn, deps);
  if (actor.kind !== "client") throw new ClientUnauthenticatedError(MISSING_CLIENT_CREDENTIALS);
  return actor;
}
