import { Agent } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { oidcDoorOf } from "../src/oidc/mount.js";
import { prepareDatabase } from "../src/startup.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";
import { addSecret, oidcPartner } from "./oidc.js";
import {
  type Answer,
  bothSides,
  type Sent as ParitySent,
  type Side as ParitySide,
  send as sendOver,
  serveSide as serveParitySide,
} from "./parity.js";

/**
 * The Node-level fast path of client_credentials at /oauth/token and of introspection (src/oidc/fast-path.ts)
 * against oidc-provider behind Hono: two instances of the same app over one database, one with the fast path
 * and one without, get the same requests and must give the same status, headers, body, request log line and
 * metrics; the tokens either one issues must be the same kind of row, and each must accept the other's.
 */

/** A parity side, and how many POST requests oidc-provider answered itself there. */
type Side = ParitySide & { grants: () => number };

const HOUR = 3600;
let database: FreshDatabase;
let db: Db;
let closeDb: () => Promise<void>;
let config: Config;
let fast: Side;
let hono: Side;
let partner: Awaited<ReturnType<typeof oidcPartner>>;
const secrets: Record<"expired" | "revoked" | "unlinked", string> = { expired: "", revoked: "", unlinked: "" };
let noApi: Awaited<ReturnType<typeof oidcPartner>>;
let allowlisted: Awaited<ReturnType<typeof oidcPartner>>;
let other: Awaited<ReturnType<typeof oidcPartner>>;

async function serveSide(fastPath: boolean): Promise<Side> {
  // Counts the requests oidc-provider itself saw: the fast path's answers never reach it.
  let grants = 0;
  const side = await serveParitySide(db, config, fastPath, {
    beforeListening: async (app) => {
      (await oidcDoorOf(app)?.provider())?.use(async (ctx, next) => {
        if (ctx.method === "POST") grants++;
        await next();
      });
    },
  });
  return { ...side, grants: () => grants };
}

beforeAll(async () => {
  database = await freshDatabase();
  config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    PUBLIC_URL: "http://gatehouse.test",
    TRUST_PROXY: "true",
  });
  ({ db, close: closeDb } = await prepareDatabase(config, { demo: false }));
  partner = await oidcPartner(db);
  const domains = [partner.domain.id];
  secrets.expired = await addSecret(db, partner.client.id, domains, { expiresAt: new Date(Date.now() - 1000) });
  secrets.revoked = await addSecret(db, partner.client.id, domains, { revokedAt: new Date() });
  secrets.unlinked = await addSecret(db, partner.client.id, []);
  noApi = await oidcPartner(db, { domain: { allowApi: false } });
  allowlisted = await oidcPartner(db, { domain: { serverIp: "10.99.0.1" } });
  other = await oidcPartner(db);
  [fast, hono] = await Promise.all([serveSide(true), serveSide(false)]);
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await Promise.all([fast?.close(), hono?.close()]);
  await closeDb?.();
  await database?.drop();
});

type Sent = Omit<ParitySent, "path"> & { path?: string; body?: string };
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const send = (port: number, sent: Sent) => sendOver(port, { path: "/oauth/token", ...sent }, agent);

/** An opaque oidc-provider token: 43 base64url characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const comparable = (answer: Answer) => {
  const { date, ...headers } = answer.headers;
  let body: unknown = answer.body;
  try {
    const parsed = JSON.parse(answer.body) as Record<string, unknown>;
    const token = parsed.access_token;
    body = { ...parsed, ...(token === undefined ? {} : { access_token: TOKEN_SHAPE.test(String(token)) }) };
  } catch {}
  // The body byte for byte too (member order included), but for the fresh token's value.
  const text = answer.body.replace(/"access_token":"[A-Za-z0-9_-]{43}"/, '"access_token":"<token>"');
  return { status: answer.status, headers, date: typeof date, body, text };
};

/** Sends one request to both sides, from the same fresh source address; answers both answers. */

const FORM = "application/x-www-form-urlencoded";
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const asBasic = (
  secret = partner.credentials.clientSecret,
  body: Record<string, string> = {},
  id = partner.client.id,
) =>
  ({
    headers: { "content-type": FORM, authorization: basic(id, secret) },
    body: form({ grant_type: "client_credentials", ...body }),
  }) satisfies Sent;
const asPost = (secret = partner.credentials.clientSecret, body: Record<string, string> = {}, id = partner.client.id) =>
  ({
    headers: { "content-type": FORM },
    body: form({ grant_type: "client_credentials", client_id: id, client_secret: secret, ...body }),
  }) satisfies Sent;
const json = (answer: Answer) => JSON.parse(answer.body) as Record<string, unknown>;

/** Answers how many POST requests oidc-provider itself answered on each side while `run` ran. */
async function grantsDuring(run: () => Promise<unknown>) {
  const before = [fast.grants(), hono.grants()];
  await run();
  return [fast.grants() - (before[0] ?? 0), hono.grants() - (before[1] ?? 0)];
}

const both = bothSides(() => ({ fast, hono }), send, comparable, "10.88.0");
const same = both;

describe(`test/oidc-fast-path (${TEST_DIALECT}): client_credentials answers exactly as oidc-provider does`, () => {
  it("issues with client_secret_basic and client_secret_post, with and without scopes", async () => {
    const grants = await grantsDuring(async () => {
      for (const sent of [asBasic(), asPost(), asBasic(undefined, { scope: "userinfo" }), asPost(undefined, {})]) {
        const [answer] = await same(sent);
        expect(answer.status).toBe(200);
        expect(json(answer)).toMatchObject({ expires_in: HOUR, token_type: "Bearer" });
        expect(answer.headers["cache-control"]).toBe("no-store");
      }
    });
    // Four successes on each side: the fast side answered all four itself, oidc-provider all four on the other.
    expect(grants).toEqual([0, 4]);
    const [scoped] = await same(asBasic(undefined, { scope: "openid userinfo openid" }));
    expect(json(scoped).scope).toBe("openid userinfo");
    // Scopes oidc-provider does not know are left out of the token, by both.
    const [unknown] = await same(asPost(undefined, { scope: "reports:read userinfo" }));
    expect(json(unknown).scope).toBe("userinfo");
  });

  it("leaves every refusal to oidc-provider: bad secrets, unknown client, no API domain, IP allowlist", async () => {
    const refusals: [Sent, number][] = [
      [asBasic("wrong-secret"), 401],
      [asPost("wrong-secret"), 401],
      [asBasic(secrets.expired), 401],
      [asBasic(secrets.revoked), 401],
      [asPost(secrets.unlinked), 401],
      [asBasic("x", {}, "cl_nobody"), 401],
      [asPost("x", {}, "cl_nobody"), 401],
      [asBasic(noApi.credentials.clientSecret, {}, noApi.client.id), 401],
      [asBasic(allowlisted.credentials.clientSecret, {}, allowlisted.client.id), 401],
    ];
    const grants = await grantsDuring(async () => {
      for (const [sent, status] of refusals) {
        const [answer] = await same(sent);
        expect([answer.status, answer.body]).toEqual([status, expect.any(String)]);
        if (status === 401 && sent.headers?.authorization) {
          expect(answer.headers["www-authenticate"]).toContain('error="invalid_client"');
        }
      }
    });
    // Every refusal is oidc-provider's own, on both sides.
    expect(grants).toEqual([refusals.length, refusals.length]);
    // From the allowlisted address the same secret works, on both sides.
    const allowed = asBasic(allowlisted.credentials.clientSecret, {}, allowlisted.client.id);
    const [answer] = await same({ ...allowed, headers: { ...allowed.headers, "x-forwarded-for": "10.99.0.1" } });
    expect(answer.status).toBe(200);
  });

  it("leaves malformed and unusual requests to oidc-provider with the body it was sent", async () => {
    const cases: [Sent, number][] = [
      [{ headers: { "content-type": FORM }, body: form({ client_id: partner.client.id }) }, 401],
      [{ ...asBasic(), headers: { ...asBasic().headers, origin: "https://app.example" } }, 400],
      [asBasic(undefined, { grant_type: "password" }), 400],
      [{ ...asBasic(), body: "client_id=%zz&grant_type=client_credentials" }, 400],
      [{ ...asBasic(), body: "grant_type=client_credentials&grant_type=client_credentials" }, 400],
      [asBasic(undefined, { scope: 'user"info' }), 400],
      [asBasic(undefined, { scope: "" }), 200],
      [asBasic(undefined, { resource: "https://api.example" }), 400],
      [asBasic(undefined, { unknown: "1" }), 200],
      [asBasic(undefined, { client_id: "cl_other" }), 400],
      [{ ...asPost(), headers: { "content-type": FORM, authorization: basic(partner.client.id, "x") } }, 400],
      [{ ...asBasic(), headers: { "content-type": FORM, authorization: "Basic !!!" } }, 400],
      [{ ...asBasic(), headers: { "content-type": FORM, authorization: "Bearer abc" } }, 400],
      [{ ...asBasic(), headers: { ...asBasic().headers, dpop: "not-a-proof" } }, 400],
      [{ ...asBasic(), headers: { ...asBasic().headers, "content-type": "application/json" } }, 400],
      [{ ...asBasic(), headers: { ...asBasic().headers, "content-type": `${FORM}; charset=utf-8` } }, 200],
      [{ ...asBasic(), body: `grant_type=client_credentials&pad=${"x".repeat(5000)}` }, 200],
      [{ ...asBasic(), body: `grant_type=client_credentials&pad=${"x".repeat(60_000)}` }, 400],
      [{ ...asBasic(), path: "/oauth/token?x=1" }, 200],
      [{ ...asBasic(), method: "PUT" }, 404],
      [{ headers: { "content-type": FORM }, body: "" }, 400],
    ];
    for (const [sent, status] of cases) {
      const [answer] = await same(sent);
      expect([answer.status, sent.body?.slice(0, 60)]).toEqual([status, sent.body?.slice(0, 60)]);
    }
  });

  it("saves the same kind of row, and each side accepts the other's tokens", async () => {
    const [fromFast, fromHono] = (await same(asBasic(undefined, { scope: "userinfo" }))).map(
      (answer) => json(answer).access_token as string,
    );
    const rows = await db.oidcRecord.findMany({
      where: { clientId: partner.client.id, model: "ClientCredentials" },
      orderBy: { createdAt: "desc" },
      take: 2,
    });
    const shape = (payload: string) => {
      const { iat, exp, ...rest } = JSON.parse(payload) as Record<string, unknown>;
      return { ...rest, lifetime: Number(exp) - Number(iat) };
    };
    expect(rows).toHaveLength(2);
    expect(shape(rows[0]?.payload ?? "")).toEqual(shape(rows[1]?.payload ?? ""));
    expect(shape(rows[0]?.payload ?? "")).toMatchObject({ kind: "ClientCredentials", lifetime: HOUR });

    const introspect = (port: number, token: string) =>
      send(port, {
        path: "/oauth/introspect",
        headers: { "content-type": FORM, authorization: basic(partner.client.id, partner.credentials.clientSecret) },
        body: form({ token }),
      });
    const revoke = (port: number, token: string) =>
      send(port, { ...asBasic(), path: "/oauth/revoke", body: form({ token }) });
    for (const [token, other] of [
      [fromFast ?? "", hono.port],
      [fromHono ?? "", fast.port],
    ] as const) {
      expect(json(await introspect(other, token))).toMatchObject({
        active: true,
        client_id: partner.client.id,
        scope: "userinfo",
        token_type: "Bearer",
      });
      expect((await revoke(other, token)).status).toBe(200);
      expect(json(await introspect(fast.port, token))).toEqual({ active: false });
      expect(json(await introspect(hono.port, token))).toEqual({ active: false });
    }
  });

  it("introspection: active, revoked, expired, unknown and foreign tokens, with every token_type_hint", async () => {
    // Setup requests go to both sides too, so that their logs and metrics stay comparable.
    const issued = async (who = partner) => {
      const sent = asBasic(who.credentials.clientSecret, { scope: "userinfo" }, who.client.id);
      await send(fast.port, sent);
      return json(await send(hono.port, sent)).access_token as string;
    };
    const inspect = (token: string, extra: Record<string, string> = {}, post = false, who = partner) => {
      const fields = { token, ...extra };
      const { clientSecret } = who.credentials;
      return post
        ? {
            path: "/oauth/introspect",
            ...asPost(clientSecret, fields, who.client.id),
            body: form({ ...fields, client_id: who.client.id, client_secret: clientSecret }),
          }
        : { path: "/oauth/introspect", ...asBasic(clientSecret, {}, who.client.id), body: form(fields) };
    };
    const live = await issued();
    const revoked = await issued();
    for (const port of [fast.port, hono.port]) {
      await send(port, { ...asBasic(), path: "/oauth/revoke", body: form({ token: revoked }) });
    }
    const expired = await issued();
    await db.oidcRecord.updateMany({
      where: { clientId: partner.client.id, model: "ClientCredentials", expiresAt: { gt: new Date() } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const fresh = await issued();
    const foreign = await issued(other);

    const answered = await grantsDuring(async () => {
      for (const hint of [
        undefined,
        "access_token",
        "refresh_token",
        "urn:ietf:params:oauth:token-type:access_token",
        "other",
      ]) {
        const [answer] = await same(inspect(fresh, hint ? { token_type_hint: hint } : {}));
        expect(json(answer)).toMatchObject({ active: true, client_id: partner.client.id, scope: "userinfo" });
      }
      expect(json((await same(inspect(fresh, {}, true)))[0])).toMatchObject({ active: true, token_type: "Bearer" });
      for (const token of [live, revoked, expired, "not-a-token"]) {
        expect(json((await same(inspect(token)))[0])).toEqual({ active: false });
      }
      // Another client's live token reads as inactive; its own client sees it.
      expect(json((await same(inspect(foreign)))[0])).toEqual({ active: false });
      const own = await same(inspect(foreign, {}, false, other));
      expect(json(own[0])).toMatchObject({ active: true, client_id: other.client.id });
    });
    expect(answered).toEqual([0, 12]);

    const refusals = await grantsDuring(async () => {
      expect((await same(inspect("a.b.c")))[0].status).toBe(200);
      expect((await same(inspect("eyJhbGciOiJub25lIn0.e30.")))[0].status).toBe(400);
      expect((await same({ ...inspect(fresh), body: form({ token_type_hint: "access_token" }) }))[0].status).toBe(400);
      expect((await same({ ...inspect(fresh), body: `token=${fresh}&token=${fresh}` }))[0].status).toBe(400);
      const wrong = inspect(fresh);
      expect(
        (await same({ ...wrong, headers: { ...wrong.headers, authorization: basic(partner.client.id, "no") } }))[0]
          .status,
      ).toBe(401);
      expect((await same(inspect(fresh, {}, false, noApi)))[0].status).toBe(200);
    });
    // All of them oidc-provider's on both sides but the last: a login-only client's secret serves introspection.
    expect(refusals).toEqual([5, 6]);
  });

  it("answers requests in flight together each on its own: every token stored before its answer", async () => {
    // Many sockets, so that the requests reach the server together and share its batched reads and writes.
    const crowd = new Agent({ keepAlive: true, maxSockets: 16 });
    const at = (port: number, sent: Sent) => sendOver(port, { path: "/oauth/token", ...sent }, crowd);
    const inspect = (token: string, secret = partner.credentials.clientSecret) => ({
      path: "/oauth/introspect",
      headers: { "content-type": FORM, authorization: basic(partner.client.id, secret) },
      body: form({ token }),
    });
    try {
      // The same requests on both sides, so that their metrics stay comparable.
      for (const [issuer, other] of [
        [fast, hono],
        [hono, fast],
      ] as const) {
        const sent = Array.from({ length: 12 }, (_, n) => (n % 3 === 2 ? asBasic(secrets.revoked) : asBasic()));
        const issued = await Promise.all(sent.map((request) => at(issuer.port, request)));
        expect(issued.map((answer) => answer.status)).toEqual(sent.map((_, n) => (n % 3 === 2 ? 401 : 200)));
        const tokens = issued
          .filter((answer) => answer.status === 200)
          .map((answer) => String(json(answer).access_token));
        expect(new Set(tokens).size).toBe(8);
        for (const side of [other, issuer]) {
          const answers = await Promise.all([
            ...tokens.map((token) => at(side.port, inspect(token))),
            at(side.port, inspect("not-a-token")),
            at(side.port, inspect(tokens[0] ?? "", secrets.revoked)),
          ]);
          expect(answers.map((answer) => [answer.status, json(answer).active])).toEqual([
            ...tokens.map(() => [200, true]),
            [200, false],
            [401, undefined],
          ]);
        }
      }
    } finally {
      crowd.destroy();
    }
  });

  it("records the same metrics as Hono's chain", async () => {
    const counted = async (side: Side) =>
      (await side.metrics.registry.getSingleMetric("gatehouse_http_requests_total")?.get())?.values.map((v) => [
        v.labels,
        v.value,
      ]);
    expect(await counted(fast)).toEqual(await counted(hono));
  });
});
