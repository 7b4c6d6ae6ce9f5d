import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { Config } from "./config.js";
import type { Db } from "./db.js";
import { CallerRejected } from "./graphql/caller.js";
import { buildContext, type Context } from "./graphql/context.js";
import { createGraphqlHandler } from "./graphql/yoga.js";
import { mountSpa } from "./static.js";
import { xwmsRoutes } from "./xwms/routes.js";

/** The one HTTP app: /api (XWMS REST), /graphql (Yoga) and the SPA. */
export function createApp({ db, config }: { db: Db; config: Config }): Hono {
  const app = new Hono();
  app.use(
    secureHeaders({
      // Login tokens travel in URLs; never hand them to another site in a Referer.
      referrerPolicy: "no-referrer",
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "https:"],
        styleSrc: ["'self'", "'unsafe-inline'", ...(config.env === "production" ? [] : ["https://unpkg.com"])],
        // GraphiQL (development only) loads its scripts from unpkg and starts them inline.
        scriptSrc: config.env === "production" ? ["'self'"] : ["'self'", "'unsafe-inline'", "https://unpkg.com"],
        frameAncestors: ["'none'"],
      },
    }),
  );

  app.route("/api", xwmsRoutes({ db, config }));

  const yoga = createGraphqlHandler(config);
  app.use(
    "/graphql",
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) => c.json({ errors: [{ message: "Request body is too large" }] }, 413),
    }),
  );
  app.on(["GET", "POST"], "/graphql", async (c) => {
    let context: Context;
    try {
      context = await buildContext(c, db, config);
    } catch (error) {
      if (!(error instanceof CallerRejected)) throw error;
      return c.json({ errors: [{ message: error.message, extensions: { code: "UNAUTHENTICATED" } }] }, 401);
    }
    const response = await yoga.fetch(c.req.raw, context);
    for (const cookie of context.setCookies) response.headers.append("set-cookie", cookie);
    return response;
  });

  mountSpa(app, config.webDist);
  return app;
}
