import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XWMS_ENDPOINTS } from "../src/xwms/endpoints.js";
import { createPartner } from "./fixtures.js";
import { type ClientHeaders, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
let partner: ClientHeaders;
let partnerDomainId: string;
beforeAll(async () => {
  server = await startTestServer();
  const created = await createPartner(server.db, { rootDomain: "fuzz.example" });
  partner = created.credentials;
  partnerDomainId = created.domain.publicId;
});
afterAll(() => server.close());

/** Row counts of the tables a partner call could write to. */
async function tableCounts(): Promise<Record<string, number>> {
  const db = server.db;
  const [users, clients, domains, secrets, loginTokens, clientUsers, consents, addresses, audit, sessions] =
    await Promise.all([
      db.user.count(),
      db.client.count(),
      db.domain.count(),
      db.clientSecret.count(),
      db.loginToken.count(),
      db.clientUser.count(),
      db.consent.count(),
      db.address.count(),
      db.auditEvent.count(),
      db.session.count(),
    ]);
  return { users, clients, domains, secrets, loginTokens, clientUsers, consents, addresses, audit, sessions };
}

const HOSTILE_STRINGS = [
  "' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  "1; SELECT pg_sleep(0) --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "$" + "{7*7}{{7*7}}",
  "../../../../etc/passwd",
  "\u0000",
  "\ud83d\ude00\u202e\u200b",
  "𝕲𝖆𝖙𝖊𝖍𝖔𝖚𝖘𝖊",
  "%00%0d%0a",
  "__proto__",
  "constructor",
  "prototype",
  "NaN",
  "-1",
  "9007199254740993",
];
const POLLUTING_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];
const KNOWN_FIELDS = ["redirect_url", "email", "token", "sub", "socials", "action", "address_id", "address"];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.webUrl(),
  fc.emailAddress(),
);
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map(String)),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...POLLUTING_KEYS, ...KNOWN_FIELDS), fc.string()), tie("node"), {
      maxKeys: 4,
    }),
  ),
})).node;

/** JSON written by hand, so `__proto__` stays an own key on the wire instead of being dropped. */
const objectText = fc
  .array(fc.tuple(fc.constantFrom(...POLLUTING_KEYS, ...KNOWN_FIELDS, "x"), value), { maxLength: 6 })
  .map(
    (entries) =>
      `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${JSON.stringify(item) ?? "null"}`).join(",")}}`,
  );

const deeplyNested = fc
  .tuple(fc.integer({ min: 100, max: 30_000 }), fc.constantFrom("[", '{"a":'))
  .map(([depth, open]) => `${open.repeat(depth)}1${(open === "[" ? "]" : "}").repeat(depth)}`);

/** Bodies around the size limit: some just under it, some over it. */
const hugeBody = fc
  .tuple(fc.integer({ min: -200, max: 5_000 }), fc.constantFrom("json-string", "raw"))
  .map(([delta, kind]) => {
    const size = Math.max(0, server.config.bodyLimitBytes + delta);
    return kind === "raw" ? "A".repeat(size) : `{"redirect_url":"${"x".repeat(Math.max(0, size - 20))}"}`;
  });

const body = fc.oneof(
  objectText,
  value.map((item) => JSON.stringify(item) ?? ""),
  deeplyNested,
  hugeBody,
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("", "{", "null", "[]", '{"a":1', "\u0000", "true", '"just a string"', "{}".repeat(1000)),
);

const contentType = fc.oneof(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=utf-16",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "application/xml",
    "",
  ),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
);

/** Header values a client can actually send: printable ASCII only. */
const headerText = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((text) => /^[\x20-\x7e]*$/.test(text))),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 200 }),
);

const credentials = fc.oneof(
  fc.constant({ kind: "valid" as const }),
  fc.constant({ kind: "valid-by-domain-id" as const }),
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constant("wrong-secret" as const), secret: headerText }),
  fc.record({ kind: fc.constant("random" as const), id: headerText, secret: headerText, domain: headerText }),
);

type Credentials =
  | { kind: "valid" | "valid-by-domain-id" | "none" }
  | { kind: "wrong-secret"; secret: string }
  | {
      kind: "random";
      id: string;
      secret: string;
      domain: string;
    };

function clientHeaders(choice: Credentials): Record<string, string> {
  switch (choice.kind) {
    case "valid":
      return {
        "x-client-id": partner.clientId,
        "x-client-secret": partner.clientSecret,
        "x-client-domain": partner.domain,
      };
    case "valid-by-domain-id":
      return {
        "x-client-id": partner.clientId,
        "x-client-secret": partner.clientSecret,
        "x-client-domain": partnerDomainId,
      };
    case "wrong-secret":
      return { "x-client-id": partner.clientId, "x-client-secret": choice.secret, "x-client-domain": partner.domain };
    case "random":
      return { "x-client-id": choice.id, "x-client-secret": choice.secret, "x-client-domain": choice.domain };
    default:
      return {};
  }
}

/** What every answer must look like, whatever was sent. */
function expectEnvelope(status: number, contentTypeHeader: string | null, text: string): { status: string } {
  expect(status, text.slice(0, 300)).toBeLessThan(500);
  expect(contentTypeHeader).toMatch(/^application\/json/);
  expect(text).not.toMatch(/\n\s+at \S/);
  expect(text).not.toMatch(/\/work\/|node_modules|\.ts:\d+|Prisma|PrismaClient/);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  expect(["success", "error"]).toContain(parsed.status);
  expect(typeof parsed.message).toBe("string");
  expect(typeof parsed.data).toBe("object");
  expect(parsed.data).not.toBeNull();
  expect(Array.isArray(parsed.data)).toBe(false);
  expect(Object.keys(parsed).sort()).toEqual(["data", "message", "status"]);
  if (parsed.status === "success") expect(status).toBeLessThan(300);
  else expect(status).toBeGreaterThanOrEqual(400);
  return parsed as { status: string };
}

describe("test/fuzz-api: every /api endpoint answers hostile input with a well-formed envelope", () => {
  it.each(XWMS_ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))(
    "%s",
    async (_name, endpoint) => {
      await fc.assert(
        fc.asyncProperty(
          body,
          contentType,
          credentials,
          fc.string({ maxLength: 60 }),
          async (sent, type, who, query) => {
            const before = await tableCounts();
            const headers: Record<string, string> = { ...clientHeaders(who), "user-agent": "fuzz/1.0" };
            if (type !== "") headers["content-type"] = type;
            const url =
              endpoint.method === "GET"
                ? `${server.apiUrl}${endpoint.path}?${new URLSearchParams({ q: query, sub: sent.slice(0, 500) })}`
                : `${server.apiUrl}${endpoint.path}`;
            const response = await fetch(url, {
              method: endpoint.method,
              headers,
              body: endpoint.method === "GET" ? undefined : sent,
            });
            const parsed = expectEnvelope(response.status, response.headers.get("content-type"), await response.text());
            if (parsed.status === "error") expect(await tableCounts()).toEqual(before);
            // The server runs in this process: no body may have reached Object.prototype.
            expect(Object.keys(Object.prototype)).toEqual([]);
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          },
        ),
        { numRuns: 100 },
      );
    },
    180_000,
  );

  it("answers unknown paths and methods under /api with the envelope too", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
        fc.array(
          fc.oneof(fc.constantFrom("get", "user", "info", "..", "%2e%2e", "sign-token", "__proto__"), fc.string()),
          {
            maxLength: 4,
          },
        ),
        async (method, segments) => {
          const path = segments.map((segment) => encodeURIComponent(segment)).join("/");
          const response = await fetch(`${server.apiUrl}/${path}`, {
            method,
            headers: { "content-type": "application/json" },
            body: method === "GET" ? undefined : "{}",
          });
          const text = await response.text();
          // Paths that normalise out of /api (e.g. "..") may reach the SPA; everything under /api is an envelope.
          if (new URL(response.url).pathname.startsWith("/api")) {
            expectEnvelope(response.status, response.headers.get("content-type"), text);
          } else {
            expect(response.status).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  // Found on PostgreSQL, which cannot store NUL: such text is refused as bad input on every database.
  it("refuses NUL characters in a body with a 400 envelope", async () => {
    const before = await tableCounts();
    for (const [path, sent] of [
      ["/get/user/info", { sub: "\u0000" }],
      ["/sign-token-verify", { token: "a\u0000b" }],
      ["/sign-token", { redirect_url: "https://fuzz.example/\u0000" }],
    ] as const) {
      const response = await fetch(`${server.apiUrl}${path}`, {
        method: "POST",
        headers: { ...clientHeaders({ kind: "valid" }), "content-type": "application/json" },
        body: JSON.stringify(sent),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        status: "error",
        message: "Text may not contain NUL (\\u0000) characters.",
        data: {},
      });
    }
    expect(await tableCounts()).toEqual(before);
  });
});
