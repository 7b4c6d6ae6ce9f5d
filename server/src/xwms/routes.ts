import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { CoreError } from "../core/errors.js";
import { clientIp } from "../http/client-ip.js";
import { describeError, type Logger } from "../http/logger.js";
import { closeIfUndrainable } from "../http/serve.js";
import { BAD_TEXT_MESSAGES, findBadText } from "../http/text-guard.js";
import type { RateLimiters } from "../rate-limit/limiters.js";
import type { XwmsDeps } from "./deps.js";
import { XWMS_ENDPOINTS } from "./endpoints.js";
import { failure, XwmsError } from "./envelope.js";
import { envelopeError } from "./errors.js";
import { openApiDocument } from "./openapi.js";

/** Mounts the route table; every answer, including faults, is the XWMS envelope. */
export function xwmsRoutes(deps: XwmsDeps, { limiters, logger }: { limiters: RateLimiters; logger: Logger }): Hono {
  const api = new Hono();
  // Before any work: a source that sent bad credentials for this client too often, then the client's volume.
  api.use(async (c, next) => {
    const clientId = c.req.header("x-client-id")?.slice(0, 128);
    if (!clientId) return next();
    const ip = clientIp(c, deps.config.trustProxy);
    const blocked = await limiters.apiSourceBlockedFor(clientId, ip);
    const wait = blocked ?? (await limiters.apiRequest(clientId));
    if (wait !== null) {
      c.header("Retry-After", String(wait));
      return failure(c, new XwmsError(429, `Too many requests for this client. Try again in ${wait} seconds.`));
    }
    await next();
    if (c.res.status === 401) await limiters.apiBadCredentials(clientId, ip);
  });
  const limitBody = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: (c) => {
      closeIfUndrainable(c);
      return failure(c, new XwmsError(413, `Request body is larger than ${deps.config.bodyLimitBytes} bytes`));
    },
  });
  // The adapter gives GET and HEAD no body; asking for one would build a full Request per call for nothing.
  api.use((c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next)));
  // Query strings and paths are input too: text no database can store is refused before any endpoint.
  api.use(async (c, next) => {
    const problem = findBadText(c.req.path) ?? findBadText(c.req.queries());
    if (problem) return failure(c, new XwmsError(400, BAD_TEXT_MESSAGES[problem]));
    await next();
  });
  for (const endpoint of XWMS_ENDPOINTS) {
    api.on(endpoint.method, endpoint.path, (c) => endpoint.handler(c, deps));
  }
  // Built once: the route table and its schemas do not change while the server runs.
  const openApi = openApiDocument(deps.config);
  api.get("/openapi.json", (c) => c.json(openApi));
  // Registered last: anything under /api that no endpoint took, before the SPA fallback can.
  api.all("*", (c) => failure(c, new XwmsError(404, `No such endpoint: ${c.req.method} ${c.req.path}`)));
  api.onError((error, c) => {
    if (error instanceof XwmsError) return failure(c, error);
    if (error instanceof CoreError) return failure(c, envelopeError(error));
    logger.error("unhandled error", { requestId: c.get("requestId"), path: c.req.path, ...describeError(error) });
    return failure(c, new XwmsError(500, "Internal server error"));
  });
  return api;
}
