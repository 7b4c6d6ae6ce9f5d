import { Hono, type MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { Gauge, Registry } from "prom-client";
import { digestsEqual, sha256 } from "../core/auth/crypto.js";
import type { Db } from "../db/client.js";
import type { HotSql } from "../db/hot/sql.js";
import { answeredStatus } from "./answered-status.js";
import { deferredCounter, RequestTally } from "./request-tally.js";

const LOGIN_ROUTES: Record<string, string> = { "/api/sign-token": "issue", "/api/sign-token-verify": "verify" };

/** Prometheus metrics of one app: its own registry, so several apps in one process (tests) never collide. */
export function createMetrics(db: Db, hot: HotSql) {
  const registry = new Registry();
  const requests = new RequestTally(registry, {
    requests: "gatehouse_http_requests_total",
    duration: "gatehouse_http_request_duration_seconds",
  });
  const countLogin = deferredCounter(registry, {
    name: "gatehouse_login_outcomes_total",
    help: "XWMS login steps by outcome (issue or verify; the answer's status)",
    labelNames: ["step", "status"],
  });
  const countRefusal = deferredCounter(registry, {
    name: "gatehouse_rate_limit_refusals_total",
    help: "Requests refused with 429",
    labelNames: ["route"],
  });
  new Gauge({
    name: "gatehouse_webhook_deliveries",
    help: "Webhook deliveries in the queue by status, and their attempts so far",
    labelNames: ["status", "measure"],
    registers: [registry],
    async collect() {
      const groups = await db.webhookDelivery.groupBy({
        by: ["status"],
        _count: { _all: true },
        _sum: { attempts: true },
      });
      this.reset();
      for (const group of groups) {
        this.set({ status: group.status, measure: "deliveries" }, group._count._all);
        this.set({ status: group.status, measure: "attempts" }, group._sum.attempts ?? 0);
      }
    },
  });
  new Gauge({
    name: "gatehouse_db_pool_connections",
    help: "Hot-path database pool: total, idle and waiting clients",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = hot.poolStats();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });

  /** One answered request: `route` is the registered pattern, never the raw path. */
  const observe = (route: string, method: string, status: number, startedAt: number) => {
    requests.observe(route, method, status, (performance.now() - startedAt) / 1000);
    if (status === 429) countRefusal({ route });
    const step = LOGIN_ROUTES[route];
    if (step) countLogin({ step, status: String(status) });
  };

  /** Counts every request once it is answered, by the route of the handler that answered. */
  const middleware: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    await next();
    observe(routePath(c), c.req.method, answeredStatus(c), started);
  };
  return { registry, middleware, observe };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** GET /metrics, only with `Authorization: Bearer <METRICS_TOKEN>` (or on its own port, see main.ts). */
export function mountMetrics(app: Hono, metrics: Metrics, token: string | undefined): void {
  app.get("/metrics", async (c) => {
    if (token !== undefined) {
      const presented = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1] ?? "";
      if (!digestsEqual(sha256(presented), sha256(token))) {
        c.header("WWW-Authenticate", "Bearer");
        return c.text("Unauthorized\n", 401);
      }
    }
    return c.body(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType });
  });
}

/**
 * Without METRICS_TOKEN, GET /metrics on the main port says where metrics are, rather than falling through to the
 * dashboard's page, which a scraper would read as a 200 with a body it cannot parse.
 */
export function mountMetricsNotice(app: Hono): void {
  app.get("/metrics", (c) =>
    c.text(
      "Metrics are not served on this port. Set METRICS_TOKEN to serve them here to callers with that bearer token, or METRICS_PORT to serve them on a port of their own.\n",
      404,
    ),
  );
}

/** The app METRICS_PORT serves: /metrics and nothing else. */
export function metricsApp(metrics: Metrics): Hono {
  const app = new Hono();
  mountMetrics(app, metrics, undefined);
  return app;
}
