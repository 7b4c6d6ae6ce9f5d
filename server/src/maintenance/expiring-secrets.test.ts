import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "../../test/fixtures.js";
import { startTestServer, type TestServer } from "../../test/harness.js";
import { flagExpiringSecrets } from "./expiring-secrets.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const days = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000);

describe("src/maintenance/expiring-secrets", () => {
  it("writes one audit event per live secret expiring within 14 days, once", async () => {
    const soon = await createPartner(server.db, { secret: { expiresAt: days(3) } });
    const later = await createPartner(server.db, { secret: { expiresAt: days(30) } });
    const revoked = await createPartner(server.db, { secret: { expiresAt: days(3), revokedAt: new Date() } });
    const expired = await createPartner(server.db, { secret: { expiresAt: days(-1) } });

    expect(await flagExpiringSecrets(server.db)).toBe(1);
    const events = await server.db.auditEvent.findMany({ where: { action: "secret.expiring" } });
    expect(events.map((event) => event.targetId)).toEqual([soon.secretRow.id]);
    expect(events[0]?.clientId).toBe(soon.client.id);
    expect(JSON.parse(events[0]?.details ?? "{}")).toMatchObject({
      label: "Standard Key",
      prefix: soon.secretRow.prefix,
    });

    expect(await flagExpiringSecrets(server.db)).toBe(0);
    for (const partner of [later, revoked, expired]) {
      expect(
        await server.db.auditEvent.count({ where: { clientId: partner.client.id, action: "secret.expiring" } }),
      ).toBe(0);
    }
  });
});
