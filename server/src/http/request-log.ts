import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { answeredOnNode, answeredStatus } from "./answered-status.js";
import type { Logger } from "./logger.js";

declare module "hono" {
  interface ContextVariableMap {
    requestId: string;
  }
}

const SANE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Accepts a caller's X-Request-Id when it is short and plain, otherwise makes one. */
export const requestIdFrom = (incoming: string | undefined) =>
  incoming && SANE_ID.test(incoming) ? incoming : randomUUID();

/**
 * Gives every request an id (also in the X-Request-Id response header) and logs one line when it ends:
 * method, path without the query string (login tokens travel there), status, duration and client id.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    await next();
    const status = answeredStatus(c);
    // An answer already written on the Node response (oidc-provider's) got its request id there.
    if (!answeredOnNode(c)) c.res.headers.set("X-Request-Id", requestId);
    logRequest(logger, {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      startedAt: started,
      clientId: c.req.header("x-client-id"),
    });
  };
}

/** The one line per answered request, from Hono (above) or the /api fast path. */
export function logRequest(
  logger: Logger,
  entry: { requestId: string; method: string; path: string; status: number; startedAt: number; clientId?: string },
): void {
  const { clientId } = entry;
  logger.request({
    requestId: entry.requestId,
    method: entry.method,
    path: entry.path,
    status: entry.status,
    durationMs: Math.round((performance.now() - entry.startedAt) * 10) / 10,
    clientId: clientId && SANE_ID.test(clientId) ? clientId : undefined,
  });
}
