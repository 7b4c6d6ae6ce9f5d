import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { XwmsDeps } from "./deps.js";
import { XWMS_ENDPOINTS } from "./endpoints.js";
import { failure, XwmsError } from "./envelope.js";

/** Mounts the route table; every answer, including faults, is the XWMS envelope. */
export function xwmsRoutes(deps: XwmsDeps): Hono {
  const api = new Hono();
  api.use(
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: (c) => failure(c, new XwmsError(413, `Request body is larger than ${deps.config.bodyLimitBytes} bytes`)),
    }),
  );
  for (const endpoint of XWMS_ENDPOINTS) {
    api.on(endpoint.method, endpoint.path, (c) => endpoint.handler(c, deps));
  }
  // Registered last: anything under /api that no endpoint took, before the SPA fallback can.
  api.all("*", (c) => failure(c, new XwmsError(404, `No such endpoint: ${c.req.method} ${c.req.path}`)));
  api.onError((error, c) => {
    if (error instanceof XwmsError) return failure(c, error);
    console.error("Unhandled error in", c.req.method, c.req.path, error);
    return failure(c, new XwmsError(500, "Internal server error"));
  });
  return api;
}
