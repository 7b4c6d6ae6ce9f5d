import { Hono, type MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { digestsEqual, sha256 } from "../core/auth/crypto.js";
import type { Db } from "../db/client.js";
import type { HotSql } from "../db/hot/sql.js";
import { answeredStatus } from "./answered-status.js";

const LOGIN_ROUTES: Record<string, string> = { "/api/sign-token": "issue", "/api/sign-token-verify": "verify" };

/** Prometheus metrics of one app: its own registry, so several apps in one process (tests) never collide. */
export function createMetrics(db: Db, hot: HotSql) {
  const registry = new Registry();
  const labelNames = ["route", "method", "status"] as const;
  const requests = new Counter({
    name: "gatehouse_http_requests_total",
    help: "HTTP requests",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "gatehouse_http_request_duration_seconds",
    help: "HTTP request latency",
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const logins = new Counter({
    name: "gatehouse_login_outcomes_total",
    help: "XWMS login steps by outcome (issue or verify; the answer's status)",
    labelNames: ["step", "status"],
    registers: [registry],
  });
  const refusals = new Counter({
    name: "gatehouse_rate_limit_refusals_total",
    help: "Requests refused with 429",
    labelNames: ["route"],
    registers: [registry],
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

  // One child per (route, method, status), looked up by a string key: prom-client otherwise validates and
  // hashes the label object on every call. Routes are registered patterns, so the map stays small.
  const children = new Map<
    string,
    { count: Counter.Internal; time: Histogram.Internal<(typeof labelNames)[number]> }
  >();
  const childFor = (route: string, method: string, status: number) => {
    const key = `${method} ${status} ${route}`;
    let child = children.get(key);
    if (!child) {
      const labels = { route, method, status: String(status) };
      child = { count: requests.labels(labels), time: duration.labels(labels) };
      children.set(key, child);
    }
    return child;
  };

  /** One answered request: `route` is the registered pattern, never the raw path. */
  const observe = (route: string, method: string, status: number, startedAt: number) => {
    const child = childFor(route, method, status);
    child.count.inc();
    child.time.observe((performance.now() - startedAt) / 1000);
    if (status === 429) refusals.inc({ route });
    const step = LOGIN_ROUTES[route];
    if (step) logins.inc({ step, status: String(status) });
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

/** The app METRICS_PORT serves: /metrics and nothing else. */
export function metricsApp(metrics: Metrics): Hono {
  const app = new Hono();
  mountMetrics(app, metrics, undefined);
  return app;
}
