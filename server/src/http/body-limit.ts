import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/**
 * hono/body-limit, judging a declared Content-Length from the header alone. Hono's own check first asks for
 * the request's body stream, which builds a web Request (streams, an AbortController) that nothing else here
 * needs: a body read later as text comes straight from Node. A body without a length (chunked) is counted
 * as it streams, by hono/body-limit itself.
 */
export function declaredBodyLimit(options: { maxSize: number; onError: (c: Context) => Response }): MiddlewareHandler {
  const streamed = bodyLimit(options);
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
    return Number.parseInt(length, 10) > options.maxSize ? options.onError(c) : next();
  };
}
