import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/harness.js";
import { purgeExpired } from "./purge-expired.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("src/maintenance/purge-expired", () => {
  it("deletes login tokens and sessions expired for over a day, and keeps the rest", async () => {
    const { db } = server;
    const domain = await db.domain.findFirstOrThrow({ where: { clientId: server.demo.clientId } });
    const user = await db.user.findFirstOrThrow();
    const hour = 3600 * 1000;
    const token = (hash: string, expiresAt: Date) =>
      db.loginToken.create({
        data: {
          tokenHash: hash,
          clientId: server.demo.clientId,
          domainId: domain.id,
          redirectUrl: "http://localhost/",
          expiresAt,
        },
      });
    await token("old", new Date(Date.now() - 25 * hour));
    await token("recent", new Date(Date.now() - hour));
    await token("live", new Date(Date.now() + hour));
    await db.session.create({
      data: { tokenHash: "old-session", userId: user.id, expiresAt: new Date(Date.now() - 25 * hour) },
    });
    await db.session.create({
      data: { tokenHash: "live-session", userId: user.id, expiresAt: new Date(Date.now() + hour) },
    });

    expect(await purgeExpired(db)).toEqual({ loginTokens: 1, sessions: 1 });
    expect((await db.loginToken.findMany({ orderBy: { tokenHash: "asc" } })).map((row) => row.tokenHash)).toEqual([
      "live",
      "recent",
    ]);
    expect(await db.session.findUnique({ where: { tokenHash: "live-session" } })).not.toBeNull();
    expect(await purgeExpired(db)).toEqual({ loginTokens: 0, sessions: 0 });
  });
});
