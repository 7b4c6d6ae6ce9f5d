import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { createHttpServer } from "../src/http/serve.js";
import { type DemoCredentials, demoCredentialsFile, ensureDemoData } from "../src/seed/demo.js";
import { prepareDatabase } from "../src/startup.js";
import { freshDatabase } from "./databases.js";
import { solveChallengeJson } from "./proof-of-work.js";

/** Real time plus an offset a test moves forward, so expiries can pass without waiting. */
export class TestClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export type TestServer = {
  baseUrl: string;
  apiUrl: string;
  config: Config;
  db: Db;
  demo: DemoCredentials;
  /** The server's clock: real time plus whatever a test moved it by (`clock.advance`). */
  clock: TestClock;
  /** SQL statements run so far, to prove a request is not N+1. */
  sqlCount: () => number;
  close: () => Promise<void>;
};

/** A real Gatehouse on a fresh database of the dialect under test, listening on a free loopback port. */
export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const database = await freshDatabase();
  const databaseUrl = database.url;

  // Mail of this server goes to its own outbox, removed with it.
  const outbox = mkdtempSync(path.join(tmpdir(), "gatehouse-outbox-"));
  let config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    PORT: "0",
    DEV_OUTBOX_DIR: outbox,
    ...overrides,
  });
  let statements = 0;
  const { db, close } = await prepareDatabase(config, { demo: false, onQuery: () => statements++ });
  const clock = new TestClock();
  const app = createApp({ db, config, clock });
  const server = createHttpServer(app).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}`;
  // The login URL must name the real port, so the config is completed once it is known.
  config = Object.assign(config, { port, publicUrl: overrides.PUBLIC_URL ?? baseUrl });
  const { credentials } = await ensureDemoData(db, config);

  return {
    baseUrl,
    apiUrl: `${baseUrl}/api`,
    config,
    db,
    demo: credentials,
    clock,
    sqlCount: () => statements,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
      await database.drop();
      rmSync(demoCredentialsFile(databaseUrl), { force: true });
      rmSync(outbox, { recursive: true, force: true });
    },
  };
}

export type ClientHeaders = { clientId: string; clientSecret: string; domain: string };

export const sdkHeaders = (client: ClientHeaders): Record<string, string> => ({
  "X-Client-Id": client.clientId,
  "X-Client-Secret": client.clientSecret,
  "X-Client-Domain": client.domain,
  "Content-Type": "application/json",
  Accept: "application/json",
  "User-Agent": "xwms-sdk-test/1.0",
});

export type EnvelopeResponse = {
  status: number;
  body: { status: string; message: string; data: Record<string, unknown> };
};

/** One partner-API call exactly as an XWMS SDK sends it. */
export async function callApi(
  server: Pick<TestServer, "apiUrl">,
  endpoint: string,
  client: ClientHeaders,
  body?: unknown,
): Promise<EnvelopeResponse> {
  const response = await fetch(`${server.apiUrl}${endpoint}`, {
    method: "POST",
    headers: sdkHeaders(client),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** A browser: keeps cookies and sends GraphQL the way the SPA does. */
export class Browser {
  private cookies = new Map<string, string>();

  /** `headers` go with every request, as a browser's own (Accept-Language) would. */
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: "POST",
      headers: {
        ...this.headers,
        "content-type": "application/json",
        "x-gatehouse-csrf": "1",
        cookie: this.cookieHeader(),
      },
      body: JSON.stringify({ query, variables }),
    });
    this.remember(response);
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    return { status: response.status, ...body };
  }

  async get(pathOrUrl: string): Promise<Response> {
    const response = await fetch(new URL(pathOrUrl, this.baseUrl), {
      headers: { ...this.headers, cookie: this.cookieHeader() },
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  /** A form post, as a browser submits an HTML form (no redirects followed). */
  async post(pathOrUrl: string, form: Record<string, string>): Promise<Response> {
    const response = await fetch(new URL(pathOrUrl, this.baseUrl), {
      method: "POST",
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (value === "" || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) {
    __typename
    ... on RegisterSuccess { data { id sub email } }
    ... on Error { message }
  }
}`;

export const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SignInSuccess { data { id sub email } }
    ... on Error { message }
  }
}`;

export const LOGIN_REQUEST = `query LoginRequest($token: String!) {
  loginRequest(token: $token) {
    __typename
    ... on LoginRequestSuccess { data { clientName domain redirectHost consentRequired scopes { key tier } } }
    ... on LoginRequestError { code message redirectUrl }
  }
}`;

export const COMPLETE_LOGIN = `mutation CompleteLogin($input: CompleteLoginInput!) {
  completeLogin(input: $input) {
    __typename
    ... on CompleteLoginSuccess { data { redirectUrl } }
    ... on LoginRequestError { code message redirectUrl }
    ... on NotAuthenticatedError { message }
  }
}`;

/** A registration's input with `proofOfWork` solved in Node, as the altcha widget does in a browser. */
export async function withRegistrationProof<T extends object>(
  baseUrl: string,
  input: T,
): Promise<T & { proofOfWork: string }> {
  const asked = await new Browser(baseUrl).graphql<{ registrationChallenge: string }>(
    "query RegistrationChallenge { registrationChallenge }",
  );
  if (!asked.data) throw new Error(`no registration challenge: ${JSON.stringify(asked)}`);
  return { ...input, proofOfWork: await solveChallengeJson(asked.data.registrationChallenge) };
}

let userCounter = 0;

/** Registers a new person through GraphQL; returns their signed-in browser. */
export async function registeredBrowser(server: Pick<TestServer, "baseUrl">, name = "Ada Lovelace") {
  const browser = new Browser(server.baseUrl);
  const email = `person${++userCounter}-${Date.now()}@example.org`;
  const result = await browser.graphql<{ register: { __typename: string; data: { sub: string } } }>(REGISTER, {
    input: await withRegistrationProof(server.baseUrl, { email, password: "correct horse battery", name }),
  });
  if (result.data?.register.__typename !== "RegisterSuccess")
    throw new Error(`register failed: ${JSON.stringify(result)}`);
  return { browser, email, sub: result.data.register.data.sub };
}

/** Takes a sign-token through the hosted login as `browser` and returns the partner redirect URL. */
export async function approveLogin(browser: Browser, token: string, approve = true) {
  const result = await browser.graphql<{ completeLogin: Record<string, unknown> & { __typename: string } }>(
    COMPLETE_LOGIN,
    {
      input: { token, approve },
    },
  );
  return result.data?.completeLogin;
}
