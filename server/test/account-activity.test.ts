import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSub } from "../src/core/auth/crypto.js";
import { Browser, registeredBrowser, startTestServer, type TestServer } from "./harness.js";

const SESSIONS = `{ viewer { sessions { id current lastSeenAt } } }`;
const REQUEST_RESET = `mutation R($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { __typename
  ... on RequestPasswordResetSuccess { data } } }`;

type Sessions = { viewer: { sessions: { id: string; current: boolean; lastSeenAt: string }[] } };

/** An SMTP server that accepts connections and never says hello: mail to it never finishes. */
async function silentSmtp() {
  const sockets: Socket[] = [];
  let connected: () => void = () => undefined;
  const firstConnection = new Promise<void>((resolve) => (connected = resolve));
  const smtp = createServer((socket) => {
    sockets.push(socket);
    connected();
  });
  smtp.listen(0, "127.0.0.1");
  await once(smtp, "listening");
  return {
    url: `smtp://127.0.0.1:${(smtp.address() as AddressInfo).port}`,
    firstConnection,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

describe("test/account-activity: Session.lastSeenAt", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("records activity at most once a minute per session, and the sessions page reads it", async () => {
    const { browser } = await registeredBrowser(server, "Lou Lastseen");
    const [session] = (await browser.graphql<Sessions>(SESSIONS)).data?.viewer.sessions ?? [];
    if (!session) throw new Error("no session");
    const hourAgo = new Date(Date.now() - 3600_000);
    await server.db.session.update({ where: { id: session.id }, data: { lastSeenAt: hourAgo } });

    const seen = (await browser.graphql<Sessions>(SESSIONS)).data?.viewer.sessions[0];
    const stored = await server.db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored.lastSeenAt.getTime()).toBeGreaterThan(hourAgo.getTime() + 3500_000);
    expect(seen?.lastSeenAt).toBe(stored.lastSeenAt.toISOString());

    // Within the minute the row is not written again.
    const halfMinuteAgo = new Date(Date.now() - 30_000);
    await server.db.session.update({ where: { id: session.id }, data: { lastSeenAt: halfMinuteAgo } });
    await browser.graphql<Sessions>(SESSIONS);
    const unchanged = await server.db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(unchanged.lastSeenAt).toEqual(halfMinuteAgo);
  });
});

describe("test/account-activity: password-reset requests answer before any mail is sent", () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof silentSmtp>>;
  beforeAll(async () => {
    smtp = await silentSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await smtp.close();
    await server.close();
  });

  it("answers a known address while its mail is still stuck, exactly as an unknown one", async () => {
    // Made in the database: registering would mail a verification link into the silent server.
    const email = "kim.known@example.org";
    await server.db.user.create({ data: { email, name: "Kim Known", sub: newSub(), passwordHash: "unused" } });
    const anonymous = new Browser(server.baseUrl);
    const unknown = await anonymous.graphql(REQUEST_RESET, { input: { email: "nobody-at-all@example.org" } });
    // Were the mail awaited, this answer would wait for a server that never greets.
    const known = await anonymous.graphql(REQUEST_RESET, { input: { email } });
    expect(known).toEqual(unknown);
    expect(known.data).toEqual({ requestPasswordReset: { __typename: "RequestPasswordResetSuccess", data: true } });
    // The work for the known address did happen, after the answer.
    await smtp.firstConnection;
    expect(await server.db.userToken.count({ where: { user: { email }, purpose: "PASSWORD_RESET" } })).toBe(1);
  }, 20_000);
});
