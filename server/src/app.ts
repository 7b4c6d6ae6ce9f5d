import { Hono, type MiddlewareHandler } from "hono";
import type { Config } from "./config.js";
import { type Clock, systemClock } from "./core/clock.js";
import type { Db } from "./db/client.js";
import { hotSqlOf } from "./db/hot/registry.js";
import { mountGraphql } from "./graphql/mount.js";
import { mountAccountPicture } from "./hosted/account-picture.js";
import { mountClientLogo } from "./hosted/client-logo.js";
import { mountUpstreamPages } from "./hosted/upstream-pages.js";
import { mountXwmsPages } from "./hosted/xwms-pages.js";
import { mountHealth } from "./http/health.js";
import { createLogger, describeError, type Logger } from "./http/logger.js";
import { createMetrics, type Metrics, mountMetrics, mountMetricsNotice } from "./http/metrics.js";
import { requestLog } from "./http/request-log.js";
import { apiSecurityHeaders, pageSecurityHeaders } from "./http/security-headers.js";
import { attachFastPath, firstFastPath } from "./http/serve.js";
import { mountSpa } from "./http/static.js";
import { requestTimeout } from "./http/timeout.js";
import { oidcFastPath } from "./oidc/fast-path.js";
import { mountOidc } from "./oidc/mount.js";
import { type LimiterStore, RateLimiters } from "./rate-limit/limiters.js";
import { defaultRateLimits, type RateLimits } from "./rate-limit/limits.js";
import { failure, XwmsError } from "./xwms/envelope.js";
import { xwmsFastPath } from "./xwms/fast-path.js";
import { mountRootFallback } from "./xwms/root-fallback.js";
import { xwmsRoutes } from "./xwms/routes.js";

export type AppOptions = {
  db: Db;
  config: Config;
  /** Defaults to DEFAULT_RATE_LIMITS (raised under NODE_ENV=test, see limits.ts). */
  rateLimits?: RateLimits;
  /** Where rate-limit counters live; the database unless main.ts passes Redis (REDIS_URL). */
  rateLimitStore?: LimiterStore;
  /** Request and error log; JSON lines on stdout by default, nothing under NODE_ENV=test. */
  logger?: Logger;
  /** Prometheus metrics; main.ts passes its own when it serves them on METRICS_PORT. */
  metrics?: Metrics;
  /** The time expiries are judged by; tests pass one they can move. */
  clock?: Clock;
};

const defaultLogger = (config: Config) => createLogger(config.env === "test" ? { write: () => true } : process.stdout);

/** The one HTTP app: /api (XWMS REST), /graphql (Yoga), health checks and the SPA. */
export function createApp({
  db,
  config,
  rateLimits,
  rateLimitStore = { kind: "database", db },
  logger = defaultLogger(config),
  metrics = createMetrics(db, hotSqlOf(db)),
  clock = systemClock,
}: AppOptions): Hono {
  const app = new Hono();
  app.use(metrics.middleware);
  const limiters = new RateLimiters(rateLimitStore, rateLimits ?? defaultRateLimits(config), db);
  app.use(requestLog(logger));
  const pageHeaders = pageSecurityHeaders(config);
  const apiHeaders = apiSecurityHeaders(config);
  app.use((c, next) => (c.req.path.startsWith("/api/") ? apiHeaders(c, next) : pageHeaders(c, next)));
  app.onError((error, c) => {
    logger.error("unhandled error", { requestId: c.get("requestId"), ...describeError(error) });
    return c.json({ errors: [{ message: "Internal server error" }] }, 500);
  });

  mountHealth(app, db, config);
  if (config.metricsToken) mountMetrics(app, metrics, config.metricsToken);
  else mountMetricsNotice(app);

  const timedOut = "The request took too long and was stopped.";
  app.use(
    "/api/*",
    requestTimeout(config.requestTimeoutMs, (c) => failure(c, new XwmsError(503, timedOut))),
  );
  const xwms = { db, config, clock, limiters };
  const pipeline = { limiters, logger, trustProxy: config.trustProxy };
  app.route("/api", xwmsRoutes(xwms, pipeline));

  mountGraphql(app, { db, config, limiters, timedOut, clock });

  mountAccountPicture(app, { db, config, limiters, clock });
  mountClientLogo(app, { db, config, limiters, clock });
  mountXwmsPages(app, db, config);
  const oidc = mountOidc(app, db, config);
  attachFastPath(
    app,
    firstFastPath(
      xwmsFastPath(xwms, {
        ...pipeline,
        metrics,
        securityHeaders: () => headersOf(apiHeaders),
        timeoutMs: config.requestTimeoutMs,
        timedOut,
      }),
      oidcFastPath({ db, provider: oidc.provider, metrics, logger }),
    ),
  );
  mountUpstreamPages(app, { db, config, limiters, clock });
  mountRootFallback(app, config);
  mountSpa(app, config.webDist);
  return app;
}

/** The headers a middleware adds to a JSON answer, as Hono writes them: the fast path sends the same set. */
async function headersOf(middleware: MiddlewareHandler): Promise<Record<string, string>> {
  const probe = new Hono();
  probe.use(middleware);
  probe.get("/", (c) => c.json({}));
  const headers: Record<string, string> = {};
  for (const [name, value] of (await probe.request("/")).headers) {
    if (name !== "content-type" && name !== "content-length") headers[name] = value;
  }
  return headers;
}
