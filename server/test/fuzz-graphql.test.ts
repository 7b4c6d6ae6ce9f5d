import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { clientOwnedBy, type GraphqlCaller, gql, PASSWORD, signedInPerson } from "./graphql.js";
import { Browser, startTestServer, type TestServer, withRegistrationProof } from "./harness.js";

let server: TestServer;
let owner: Awaited<ReturnType<typeof signedInPerson>>;
let invitee: Awaited<ReturnType<typeof signedInPerson>>;
let clientId: string;
let domainId: string;
let partnerCredentials: { clientId: string; clientSecret: string; domain: string };
beforeAll(async () => {
  server = await startTestServer();
  owner = await signedInPerson(server, { name: "Fuzz Owner" });
  invitee = await signedInPerson(server, { name: "Fuzz Invitee" });
  clientId = await clientOwnedBy(server, owner, "Fuzz Client");
  const domain = await server.db.domain.create({
    data: { clientId, rootDomain: "fuzz-owner.example", publicId: `fuzz-${Date.now()}` },
  });
  domainId = domain.id;
  // Enabled so that a valid access request can succeed (the positive case below).
  const userinfo = await server.db.scope.findUniqueOrThrow({ where: { key: "userinfo" } });
  await server.db.clientScope.create({ data: { clientId, scopeId: userinfo.id } });
  partnerCredentials = (await createPartner(server.db, { rootDomain: "fuzz-partner.example" })).credentials;
});
afterAll(() => server.close());

async function tableCounts(): Promise<Record<string, number>> {
  const db = server.db;
  const [users, sessions, clients, domains, secrets, roles, members, accessRequests, audit, userTokens] =
    await Promise.all([
      db.user.count(),
      db.session.count(),
      db.client.count(),
      db.domain.count(),
      db.clientSecret.count(),
      db.role.count(),
      db.member.count(),
      db.accessRequest.count(),
      db.auditEvent.count(),
      db.userToken.count(),
    ]);
  return { users, sessions, clients, domains, secrets, roles, members, accessRequests, audit, userTokens };
}

const HOSTILE_STRINGS = [
  "' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "../../../../etc/passwd",
  "\u0000",
  "\ud83d\ude00\u202e\u200b",
  "𝕲𝖆𝖙𝖊𝖍𝖔𝖚𝖘𝖊",
  "__proto__",
  "constructor",
  "prototype",
  "",
  " ",
  "x".repeat(5000),
];
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.emailAddress(),
  fc.domain(),
  fc.webUrl(),
);
/** Anything at all, wrong types included, with prototype-polluting keys in objects. */
const anyValue = fc.letrec((tie) => ({
  leaf: fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  node: fc.oneof(
    { depthSize: "small" },
    tie("leaf"),
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype"), fc.string()), tie("node"), {
      maxKeys: 3,
    }),
  ),
})).node;

/** Mostly the right type (so the resolver runs), sometimes anything. */
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: anyValue });
// Any date fast-check can make, unparseable text and years outside 1-9999 included: all must be bad input, never a fault.
const dateText = fc.oneof(
  fc.date().map((date) => (Number.isNaN(date.getTime()) ? "not a date" : date.toISOString())),
  fc.constantFrom(
    "2999-01-01T00:00:00Z",
    "2000-01-01",
    "9999-12-31T23:59:59Z",
    "-000001-01-01T00:00:00Z",
    "+275760-09-13T00:00:00.000Z",
  ),
  fc.string(),
);
const someClientId = () => fc.oneof(fc.constant(clientId), hostileString);

type Counts = Awaited<ReturnType<typeof tableCounts>>;
type Case = {
  name: string;
  document: string;
  input: () => fc.Arbitrary<unknown>;
  freshBrowser: boolean;
  /** A valid input for the case's own caller, and the table the success must add one row to. */
  valid: () =>
    | { input: Record<string, unknown>; adds: keyof Counts }
    | Promise<{ input: Record<string, unknown>; adds: keyof Counts }>;
};

const RESULT = `__typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }`;
const CASES: Case[] = [
  {
    name: "register",
    document: `mutation M($input: RegisterInput!) { register(input: $input) { ${RESULT} } }`,
    input: () =>
      fc.record(
        { email: field(hostileString), password: field(hostileString), name: field(hostileString) },
        { requiredKeys: [] },
      ),
    freshBrowser: true,
    // A real person's browser solves the registration check first.
    valid: async () => ({
      input: await withRegistrationProof(server.baseUrl, {
        email: `fuzz-new-${Date.now()}@example.org`,
        password: "violet kettle on the moon",
        name: "New Person",
      }),
      adds: "users",
    }),
  },
  {
    name: "signIn",
    document: `mutation M($input: SignInInput!) { signIn(input: $input) { ${RESULT} } }`,
    input: () =>
      fc.record(
        { email: field(fc.oneof(hostileString, fc.constant(owner.email))), password: field(hostileString) },
        { requiredKeys: [] },
      ),
    freshBrowser: true,
    valid: () => ({ input: { email: owner.email, password: PASSWORD }, adds: "sessions" }),
  },
  {
    name: "createClient",
    document: `mutation M($input: CreateClientInput!) { createClient(input: $input) { ${RESULT} } }`,
    input: () => fc.record({ name: field(hostileString) }, { requiredKeys: [] }),
    freshBrowser: false,
    valid: () => ({ input: { name: "Fuzz Positive Client" }, adds: "clients" }),
  },
  {
    name: "createDomain",
    document: `mutation M($input: CreateDomainInput!) { createDomain(input: $input) { ${RESULT} } }`,
    input: () =>
      fc.record(
        {
          clientId: field(someClientId()),
          rootDomain: field(fc.oneof(fc.domain(), hostileString)),
          active: field(fc.boolean()),
          allowApi: field(fc.boolean()),
          allowLogin: field(fc.boolean()),
          primary: field(fc.boolean()),
          fallbackUri: field(fc.oneof(fc.webUrl(), hostileString)),
          internalName: field(hostileString),
          logoUrl: field(fc.oneof(fc.webUrl(), hostileString)),
          serverIp: field(fc.oneof(fc.ipV4(), fc.ipV6(), hostileString)),
        },
        { requiredKeys: [] },
      ),
    freshBrowser: false,
    valid: () => ({ input: { clientId, rootDomain: `positive-${Date.now()}.example` }, adds: "domains" }),
  },
  {
    name: "createClientSecret",
    document: `mutation M($input: CreateClientSecretInput!) { createClientSecret(input: $input) { ${RESULT} } }`,
    input: () =>
      fc.record(
        {
          clientId: field(someClientId()),
          domainIds: field(fc.array(fc.oneof(fc.constant(domainId), hostileString), { maxLength: 3 })),
          expiresAt: dateText,
          label: field(hostileString),
        },
        { requiredKeys: [] },
      ),
    freshBrowser: false,
    valid: () => ({ input: { clientId, domainIds: [domainId], label: "positive" }, adds: "secrets" }),
  },
  {
    name: "sendAccessRequest",
    document: `mutation M($input: SendAccessRequestInput!) { sendAccessRequest(input: $input) { ${RESULT} } }`,
    input: () =>
      fc.record(
        {
          clientId: field(someClientId()),
          email: field(fc.oneof(fc.constant(owner.email), hostileString)),
          kind: field(fc.constantFrom("ACCESS", "TEST_USER")),
          message: field(hostileString),
          scopeKeys: field(
            fc.array(fc.oneof(fc.constantFrom("userinfo", "useraddresses", "providers"), hostileString)),
          ),
        },
        { requiredKeys: [] },
      ),
    freshBrowser: false,
    valid: () => ({
      input: { clientId, email: invitee.email, kind: "ACCESS", scopeKeys: ["userinfo"] },
      adds: "accessRequests",
    }),
  },
];

/** A case by its name, never by position: reordering CASES must not silently test another mutation. */
function caseNamed(name: string): Case {
  const found = CASES.find((testCase) => testCase.name === name);
  if (!found) throw new Error(`no fuzz case named ${name}`);
  return found;
}

const callerKind = fc.constantFrom("owner", "anonymous", "client", "bad-bearer");

function callerFor(kind: string, freshBrowser: boolean): GraphqlCaller {
  if (kind === "owner") return freshBrowser ? { browser: new Browser(server.baseUrl) } : owner.caller;
  if (kind === "client") return { client: partnerCredentials };
  if (kind === "bad-bearer") return { bearer: "gh_not_a_real_token" };
  return { anonymous: true };
}

type Answer = {
  status: number;
  data?: Record<string, { __typename?: string; message?: unknown }> | null;
  errors?: unknown[];
};

/** A well-formed GraphQL answer: typed result or request errors, never a masked fault or a stack. */
function expectWellFormed(name: string, answer: Answer): boolean {
  const text = JSON.stringify(answer);
  expect(answer.status, text.slice(0, 300)).toBeLessThan(500);
  expect(text).not.toMatch(/Unexpected error/);
  expect(text).not.toMatch(/\\n\s+at \S|\/work\/|node_modules|\.ts:\d+|PrismaClient|Invalid `prisma/);
  expect(answer.data !== undefined || answer.errors !== undefined, text).toBe(true);
  for (const error of answer.errors ?? []) {
    expect(typeof (error as { message?: unknown }).message).toBe("string");
  }
  const result = answer.data?.[name];
  if (!result) {
    expect(answer.errors?.length ?? 0, text).toBeGreaterThan(0);
    return false;
  }
  expect(result.__typename).toMatch(/(Success|Error)$/);
  if (result.__typename?.endsWith("Error")) expect(typeof result.message).toBe("string");
  return result.__typename?.endsWith("Success") === true;
}

describe("test/fuzz-graphql: the main mutations answer random variables with typed results", () => {
  // First, before the random runs below can lock the owner's sign-in.
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))(
    "%s succeeds for a valid input from its own caller and writes the row it reports",
    async (name, testCase) => {
      const { input, adds } = await testCase.valid();
      const before = await tableCounts();
      const answer = (await gql(server, callerFor("owner", testCase.freshBrowser), testCase.document, {
        input,
      })) as Answer;
      expect(expectWellFormed(name, answer), JSON.stringify(answer)).toBe(true);
      expect(answer.data?.[name]?.__typename).toBe(`${name.charAt(0).toUpperCase()}${name.slice(1)}Success`);
      expect((await tableCounts())[adds]).toBe((before[adds] ?? Number.NaN) + 1);
    },
  );

  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))(
    "%s",
    async (_name, testCase) => {
      let typed = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 9, arbitrary: testCase.input() }, { weight: 1, arbitrary: anyValue }),
          callerKind,
          async (input, kind) => {
            const before = await tableCounts();
            const answer = (await gql(server, callerFor(kind, testCase.freshBrowser), testCase.document, {
              input,
            })) as Answer;
            const succeeded = expectWellFormed(testCase.name, answer);
            if (answer.data?.[testCase.name]?.__typename) typed++;
            if (!succeeded) expect(await tableCounts()).toEqual(before);
            expect(Object.keys(Object.prototype)).toEqual([]);
          },
        ),
        { numRuns: 100 },
      );
      // Not vacuous: the resolver itself ran and answered a typed result, not only request errors.
      expect(typed).toBeGreaterThan(0);
      // The owner's session survived the whole run: nothing above signed them out.
      const viewer = await gql(server, owner.caller, "{ viewer { email } }");
      expect(viewer.data?.viewer?.email).toBe(owner.email);
    },
    180_000,
  );

  // Found by this suite: the DateTime scalar threw a TypeError, which Yoga masked as an internal error.
  it("answers an unparseable DateTime with a variable error, and a valid one with a new secret", async () => {
    const { document } = caseNamed("createClientSecret");
    const answer = (await gql(server, owner.caller, document, {
      input: { clientId, expiresAt: "not a date" },
    })) as Answer;
    expect(JSON.stringify(answer)).not.toMatch(/Unexpected error/);
    expect(answer.errors?.[0]).toMatchObject({ message: expect.stringMatching(/DateTime must be an ISO 8601 date/) });
    const valid = (await gql(server, owner.caller, document, {
      input: { clientId, expiresAt: "2099-01-01T00:00:00Z", label: "fuzz" },
    })) as Answer;
    expect(valid.data?.createClientSecret?.__typename).toBe("CreateClientSecretSuccess");
  });

  // Found by this suite on PostgreSQL: a DateTime past year 9999 reached the database, which cannot store it.
  it("refuses a DateTime past the year 9999 as bad input on every database", async () => {
    const before = await tableCounts();
    const answer = (await gql(server, owner.caller, caseNamed("createClientSecret").document, {
      input: { clientId, expiresAt: "+275760-09-13T00:00:00.000Z" },
    })) as Answer;
    expect(JSON.stringify(answer)).not.toMatch(/Unexpected error/);
    expect(answer.data?.createClientSecret ?? null).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ message: expect.stringMatching(/DateTime must be an ISO 8601 date/) });
    expect(await tableCounts()).toEqual(before);
  });

  // Found by this suite on PostgreSQL, which cannot store NUL: such text is now refused up front on every database.
  it("refuses NUL characters in variables and in literals as bad input", async () => {
    const before = await tableCounts();
    const inVariables = (await gql(server, owner.caller, caseNamed("createClientSecret").document, {
      input: { clientId: "\u0000" },
    })) as Answer;
    expect(inVariables.status).toBe(400);
    expect(inVariables.errors).toEqual([
      expect.objectContaining({ message: "Text may not contain NUL (\\u0000) characters." }),
    ]);
    const inLiteral = (await gql(
      server,
      owner.caller,
      `mutation { createClient(input: { name: "a\\u0000b" }) { __typename } }`,
    )) as Answer;
    expect(inLiteral.status).toBe(400);
    expect(inLiteral.errors?.[0]).toMatchObject({ message: "Text may not contain NUL (\\u0000) characters." });
    expect(await tableCounts()).toEqual(before);
  });
});
