import type { MiddlewareHandler } from "hono";

/**
 * /graphql answers cross-origin browsers only from the SPA's own origin (PUBLIC_URL); preflights from
 * any other origin are refused. /api is server-to-server and gets no CORS headers at all.
 */
export function graphqlCors(config: { publicUrl: string }): MiddlewareHandler {
  return async (c, next) => {
    // Read per request: the test harness learns its port, and so its public URL, after the app exists.
    const allowed = new URL(config.publicUrl).origin;
    const origin = c.req.header("origin");
    if (c.req.method === "OPTIONS") {
      if (origin !== allowed) {
        return c.json({ errors: [{ message: "Cross-origin requests are allowed only from Gatehouse itself." }] }, 403);
      }
      return new Response(null, {
        status: 204,
        headers: {
          "Access-Control-Allow-Origin": allowed,
          "Access-Control-Allow-Credentials": "true",
          "Access-Control-Allow-Methods": "GET, POST",
          "Access-Control-Allow-Headers": "content-type, authorization, x-gatehouse-csrf",
          "Access-Control-Max-Age": "600",
          Vary: "Origin",
        },
      });
    }
    await next();
    c.res.headers.append("Vary", "Origin");
    // Yoga reflects any origin by default; only Gatehouse's own may keep CORS headers.
    for (const name of [...c.res.headers.keys()]) {
      if (name.startsWith("access-control-")) c.res.headers.delete(name);
    }
    if (origin === allowed) {
      c.res.headers.set("Access-Control-Allow-Origin", allowed);
      c.res.headers.set("Access-Control-Allow-Credentials", "true");
    }
  };
}
