import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { readiness } from "../src/http/health.js";
import { createLogger } from "../src/http/logger.js";
import { productionProblems } from "../src/http/production-check.js";
import { createHttpServer } from "../src/http/serve.js";
import { type DemoCredentials, ensureDemoData } from "../src/seed/demo.js";
import { prepareDatabase } from "../src/startup.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";
import {
  approveLogin,
  Browser,
  callApi,
  REGISTER,
  SIGN_IN,
  startTestServer,
  type TestServer,
  withRegistrationProof,
} from "./harness.js";

const PUBLIC_URL = "https://gatehouse.example";

/** A Gatehouse on https PUBLIC_URL (behind TLS) whose log lines are kept in `logs`. */
let database: FreshDatabase;
let closeDb: () => Promise<void>;
let closeServer: () => Promise<void>;
let baseUrl: string;
let config: Config;
let demo: DemoCredentials;
const logs: string[] = [];
let plain: TestServer;

beforeAll(async () => {
  database = await freshDatabase();
  // Short enough for the slow-body tests, long enough for a registration (argon2, the check, the mail) on a busy machine.
  config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url, PUBLIC_URL, REQUEST_TIMEOUT_MS: "3000" });
  const prepared = await prepareDatabase(config, { demo: false });
  closeDb = prepared.close;
  ({ credentials: demo } = await ensureDemoData(prepared.db, config));
  const app = createApp({ db: prepared.db, config, logger: createLogger({ write: (line) => logs.push(line) }) });
  const server = createHttpServer(app).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  plain = await startTestServer();
}, 60_000);

afterAll(async () => {
  await closeServer?.();
  await closeDb?.();
  await database?.drop();
  await plain?.close();
});

const graphqlPost = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: "{ __typename }" }),
  });

describe(`test/http-hardening (${TEST_DIALECT}): headers and CORS`, () => {
  it("sends HSTS only when the public URL is https", async () => {
    const behindTls = await fetch(`${baseUrl}/api/info`);
    expect(behindTls.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const overHttp = await fetch(`${plain.baseUrl}/api/info`);
    expect(overHttp.status).toBe(200);
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();
  });

  it("lets only the SPA's own origin read /graphql from a browser", async () => {
    const own = await graphqlPost(baseUrl, { origin: PUBLIC_URL });
    expect(own.status).toBe(200);
    expect(own.headers.get("access-control-allow-origin")).toBe(PUBLIC_URL);
    expect(own.headers.get("access-control-allow-credentials")).toBe("true");

    for (const origin of ["https://evil.example", "https://gatehouse.example.evil.example", "null"]) {
      const foreign = await graphqlPost(baseUrl, { origin });
      expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
      expect(foreign.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("refuses preflights from other origins and allows the SPA's own", async () => {
    const preflight = (origin: string) =>
      fetch(`${baseUrl}/graphql`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type, x-gatehouse-csrf",
        },
      });
    const foreign = await preflight("https://evil.example");
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    expect(foreign.headers.get("access-control-allow-methods")).toBeNull();

    const own = await preflight(PUBLIC_URL);
    expect(own.status).toBe(204);
    expect(own.headers.get("access-control-allow-origin")).toBe(PUBLIC_URL);
    expect(own.headers.get("access-control-allow-headers")).toContain("x-gatehouse-csrf");
  });

  it("gives /api, a server-to-server API, no CORS headers at all", async () => {
    const get = await fetch(`${baseUrl}/api/info`, { headers: { origin: PUBLIC_URL } });
    expect(get.status).toBe(200);
    const preflight = await fetch(`${baseUrl}/api/sign-token`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(404);
    expect((await preflight.json()).status).toBe("error");
    for (const response of [get, preflight]) {
      expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
    }
  });
});

/** Sends the headers and part of a body, then nothing more; resolves with the answer the server gives anyway. */
function slowBody(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const req = request(url, { method: "POST", headers: { ...headers, "content-length": "1000" } }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        req.destroy();
      });
    });
    req.on("error", reject);
    req.write('{"redirect_url": "http://local');
  });
}

describe(`test/http-hardening (${TEST_DIALECT}): request timeouts`, () => {
  it("cuts off a slow /api body with a 503 envelope", async () => {
    const answer = await slowBody("/api/sign-token", {
      "content-type": "application/json",
      "x-client-id": demo.clientId,
      "x-client-secret": demo.clientSecret,
      "x-client-domain": demo.domain,
    });
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({
      status: "error",
      message: "The request took too long and was stopped.",
      data: {},
    });
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("cuts off a slow /graphql body with a 503", async () => {
    const answer = await slowBody("/graphql", { "content-type": "application/json" });
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: "The request took too long and was stopped." }] });
  });
});

describe(`test/http-hardening (${TEST_DIALECT}): health and readiness`, () => {
  it("answers /healthz and /readyz when the database is migrated", async () => {
    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("is not ready while a migration is missing", async () => {
    const { db } = plain;
    const [row] = await db.$queryRawUnsafe<{ id: string }[]>(
      'SELECT id FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1',
    );
    expect(row).toBeDefined();
    // Marks the newest migration as rolled back, as if this build were newer than the database.
    await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = finished_at WHERE id = '${row?.id}'`);
    try {
      const ready = await fetch(`${plain.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", reason: "1 migration(s) not applied" });
      expect((await fetch(`${plain.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = '${row?.id}'`);
    }
    expect((await fetch(`${plain.baseUrl}/readyz`)).status).toBe(200);
  });

  it("is not ready when the database does not answer", async () => {
    const unreachable = "postgresql://gatehouse@127.0.0.1:9/gatehouse";
    const { db, close } = openDatabase(unreachable);
    try {
      expect(await readiness(db, { databaseUrl: unreachable })).toBe("database unavailable");
      const app = createApp({
        db,
        config: { ...config, databaseUrl: unreachable },
        logger: createLogger({ write() {} }),
      });
      const ready = await app.fetch(new Request("http://localhost/readyz"));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", reason: "database unavailable" });
    } finally {
      await close();
    }
  });
});

describe(`test/http-hardening (${TEST_DIALECT}): request ids and logs`, () => {
  it("echoes a sane X-Request-Id and replaces anything else", async () => {
    const echoed = await fetch(`${baseUrl}/api/info`, { headers: { "x-request-id": "lb-1234_abcd" } });
    expect(echoed.headers.get("x-request-id")).toBe("lb-1234_abcd");
    for (const bad of ["a".repeat(65), "has space", "semi;colon", "<script>"]) {
      const replaced = await fetch(`${baseUrl}/healthz`, { headers: { "x-request-id": bad } });
      expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    const line = logs.map((text) => JSON.parse(text)).find((entry) => entry.requestId === "lb-1234_abcd");
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/api/info", status: 200 });
    expect(typeof line.durationMs).toBe("number");
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
  });

  it("never writes a password, client secret, login token or session cookie", async () => {
    logs.length = 0;
    const password = "unique-password-Zq8x1!";
    const email = "logged@http-hardening.example";
    const browser = new Browser(baseUrl);
    const registered = await browser.graphql<{ register: { __typename: string } }>(REGISTER, {
      input: await withRegistrationProof(baseUrl, { email, password, name: "Log Reader" }),
    });
    expect(registered.data?.register.__typename, JSON.stringify(registered)).toBe("RegisterSuccess");
    const signedIn = await browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, { input: { email, password } });
    expect(signedIn.data?.signIn.__typename).toBe("SignInSuccess");
    const session = browser.cookieHeader();
    expect(session).toMatch(/=.{16,}/);

    const apiUrl = `${baseUrl}/api`;
    const issued = await callApi({ apiUrl }, "/sign-token", demo, { redirect_url: "http://localhost:4567/callback" });
    expect(issued.status).toBe(200);
    const token = String(issued.body.data.token);
    await browser.get(`/authorize?token=${token}`);
    expect((await approveLogin(browser, token))?.__typename).toBe("CompleteLoginSuccess");
    const verified = await callApi({ apiUrl }, "/sign-token-verify", demo, { token });
    expect(verified.status).toBe(200);
    expect(verified.body.data.email).toBe(email);
    const refused = await callApi(
      { apiUrl },
      "/sign-token",
      { ...demo, clientSecret: `${demo.clientSecret}x` },
      {
        redirect_url: "http://localhost:4567/callback",
      },
    );
    expect(refused.status).toBe(401);

    const text = logs.join("");
    const entries = logs.map((line) => JSON.parse(line));
    expect(entries.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(
      expect.arrayContaining([
        "POST /graphql 200",
        "GET /authorize 200",
        "POST /api/sign-token 200",
        "POST /api/sign-token-verify 200",
        "POST /api/sign-token 401",
      ]),
    );
    expect(entries.find((entry) => entry.path === "/api/sign-token-verify")?.clientId).toBe(demo.clientId);
    for (const secret of [password, demo.clientSecret, token, ...session.split("; ").map((c) => c.split("=")[1])]) {
      expect(secret && secret.length >= 8).toBe(true);
      expect(text).not.toContain(secret);
    }
  });
});

describe("test/http-hardening: production start check", () => {
  const production = {
    env: "production" as const,
    host: "0.0.0.0",
    databaseUrl: "file:/srv/gatehouse.db",
    webhookAllowPrivate: false,
  };

  it("accepts https, or http on a loopback host, and a private SQLite file", () => {
    expect(productionProblems({ ...production, publicUrl: "https://id.example.com" }, 0o100600)).toEqual([]);
    expect(
      productionProblems({ ...production, host: "127.0.0.1", publicUrl: "http://localhost:3000" }, 0o100640),
    ).toEqual([]);
    expect(productionProblems({ ...production, publicUrl: "https://id.example.com" }, undefined)).toEqual([]);
  });

  it("refuses http on a public interface and a world-readable SQLite file", () => {
    expect(productionProblems({ ...production, publicUrl: "http://id.example.com" }, 0o100644)).toEqual([
      "PUBLIC_URL must be https:// in production (got http://id.example.com); sessions and secrets would cross the network in clear text.",
      "The SQLite file /srv/gatehouse.db is readable by every user on this machine; run chmod 600 on it.",
    ]);
  });

  it("refuses webhooks to private addresses in production", () => {
    expect(
      productionProblems({ ...production, publicUrl: "https://id.example.com", webhookAllowPrivate: true }, 0o100600),
    ).toEqual([
      "WEBHOOK_ALLOW_PRIVATE=true lets any client's webhooks reach this machine and its private network; remove it in production.",
    ]);
  });

  it("checks nothing outside production", () => {
    expect(
      productionProblems({ ...production, env: "development", publicUrl: "http://id.example.com" }, 0o100666),
    ).toEqual([]);
  });
});
