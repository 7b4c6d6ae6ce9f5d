import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createHttpServer } from "../src/http/serve.js";
import { DEFAULT_RATE_LIMITS } from "../src/rate-limit/limits.js";
import { type DemoCredentials, ensureDemoData } from "../src/seed/demo.js";
import { prepareDatabase } from "../src/startup.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";
import { callApi, startTestServer } from "./harness.js";

const TOKEN = "metrics-token-for-the-test-0123";
let database: FreshDatabase;
let closeAll: () => Promise<void>;
let baseUrl: string;
let demo: DemoCredentials;

beforeAll(async () => {
  database = await freshDatabase();
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url, METRICS_TOKEN: TOKEN });
  const prepared = await prepareDatabase(config, { demo: false });
  ({ credentials: demo } = await ensureDemoData(prepared.db, config));
  // Three requests a minute per client, so a refusal is cheap to provoke.
  const rateLimits = { ...DEFAULT_RATE_LIMITS, apiPerClient: { points: 3, windowSeconds: 60 } };
  const app = createApp({
    db: prepared.db,
    config,
    rateLimits,
    logger: { request() {}, info() {}, warn() {}, error() {} },
  });
  const server = createHttpServer(app).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  closeAll = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await prepared.close();
    await database.drop();
  };
}, 60_000);
afterAll(() => closeAll?.());

const scrape = (headers: Record<string, string> = {}) => fetch(`${baseUrl}/metrics`, { headers });

describe(`test/metrics (${TEST_DIALECT}): GET /metrics in Prometheus format behind METRICS_TOKEN`, () => {
  it("refuses a scrape without the bearer token or with a wrong one", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer wrong-token-0123456789" },
      { authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const response = await scrape(headers);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("gatehouse_");
    }
  });

  it("counts requests per route and status, login outcomes, refusals, the webhook queue and the pool", async () => {
    const apiUrl = `${baseUrl}/api`;
    expect((await fetch(`${apiUrl}/info`)).status).toBe(200);
    const redirect = { redirect_url: "http://localhost:4567/callback" };
    expect((await callApi({ apiUrl }, "/sign-token", demo, redirect)).status).toBe(200);
    expect((await callApi({ apiUrl }, "/sign-token-verify", demo, { token: "unknown" })).status).toBe(404);
    expect((await callApi({ apiUrl }, "/sign-token", demo, redirect)).status).toBe(200);
    expect((await callApi({ apiUrl }, "/sign-token", demo, redirect)).status).toBe(429);

    // oidc-provider writes its answers on the Node response itself; they count with the status the client got.
    const wrongSecret = `Basic ${Buffer.from(`${demo.clientId}:not-the-secret`).toString("base64")}`;
    const refused = await fetch(`${baseUrl}/oauth/token`, {
      method: "POST",
      headers: { authorization: wrongSecret, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const response = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('gatehouse_http_requests_total{route="/api/info",method="GET",status="200"} 1');
    expect(text).toContain('gatehouse_http_requests_total{route="/api/sign-token",method="POST",status="200"} 2');
    expect(text).toMatch(
      /gatehouse_http_request_duration_seconds_count\{route="\/api\/sign-token",method="POST",status="200"\} 2/,
    );
    expect(text).toMatch(/gatehouse_http_requests_total\{route="[^"]*",method="POST",status="401"\} 1/);
    expect(text).not.toMatch(/gatehouse_http_requests_total\{route="\/oauth[^"]*",method="POST",status="200"\}/);
    expect(text).toContain('gatehouse_login_outcomes_total{step="issue",status="200"} 2');
    expect(text).toContain('gatehouse_login_outcomes_total{step="verify",status="404"} 1');
    expect(text).toContain('gatehouse_rate_limit_refusals_total{route="/api/*"} 1');
    expect(text).toContain("# TYPE gatehouse_webhook_deliveries gauge");
    expect(text).toMatch(/gatehouse_db_pool_connections\{state="total"\} [1-9]/);

    // The latency histogram in Prometheus' exposition: typed, cumulative buckets ending at +Inf, the sum, the count.
    const series = 'route="/api/sign-token",method="POST",status="200"';
    expect(text).toContain("# TYPE gatehouse_http_request_duration_seconds histogram");
    expect(text).toContain("# TYPE gatehouse_http_requests_total counter");
    expect(text).toContain(`gatehouse_http_request_duration_seconds_bucket{le="+Inf",${series}} 2`);
    expect(text).toContain(`gatehouse_http_request_duration_seconds_bucket{le="2.5",${series}} 2`);
    const buckets = [...text.matchAll(new RegExp(`_bucket\\{le="([^"]+)",${series}\\} (\\d+)`, "g"))];
    expect(buckets).toHaveLength(12);
    const counts = buckets.map((match) => Number(match[2]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const sum = Number(text.match(new RegExp(`_seconds_sum\\{${series}\\} ([0-9.e-]+)`))?.[1]);
    expect(sum).toBeGreaterThan(0);

    // A second scrape adds what happened since the first to what the first showed, and forgets nothing.
    expect((await callApi({ apiUrl }, "/sign-token-verify", demo, { token: "unknown" })).status).toBe(429);
    const again = await (await scrape({ authorization: `Bearer ${TOKEN}` })).text();
    expect(again).toContain('gatehouse_rate_limit_refusals_total{route="/api/*"} 2');
    expect(again).toContain('gatehouse_login_outcomes_total{step="verify",status="404"} 1');
    expect(again).toContain('gatehouse_login_outcomes_total{step="issue",status="200"} 2');
    expect(again).toContain('gatehouse_http_requests_total{route="/api/info",method="GET",status="200"} 1');
  });

  it("is off when neither METRICS_TOKEN nor METRICS_PORT is set", async () => {
    const plain = await startTestServer();
    try {
      const response = await fetch(`${plain.baseUrl}/metrics`);
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain("gatehouse_http_requests_total");
      expect(text).toContain("Set METRICS_TOKEN");
    } finally {
      await plain.close();
    }
  });
});
