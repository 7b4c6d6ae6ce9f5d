import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSub } from "../src/core/auth/crypto.js";
import { consentedUser } from "../src/core/consent/consented-user.js";
import { type ConsentFacts, clientMayRead, visibleToClient } from "../src/core/consent/release.js";
import { createPartner } from "./fixtures.js";
import { startTestServer, type TestServer } from "./harness.js";

// The consent rule exists once, as clientMayRead. The partner API's per-person read applies it to facts
// it loads; Client.users lists people through visibleToClient, its Prisma projection. This suite writes
// every combination of the facts the rule reads into the real database and holds both reads to the rule.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type ConsentCase = "none" | "revoked" | "live-without-scopes" | "live" | "live-for-another-client";
type Case = { disabled: boolean; signedInThrough: boolean; consent: ConsentCase };

const CASES: Case[] = [false, true].flatMap((disabled) =>
  [false, true].flatMap((signedInThrough) =>
    (["none", "revoked", "live-without-scopes", "live", "live-for-another-client"] as const).map((consent) => ({
      disabled,
      signedInThrough,
      consent,
    })),
  ),
);

/** The facts the rule sees for the client under test: a consent to another client is no consent to it. */
function factsOf(c: Case): ConsentFacts {
  const consent =
    c.consent === "none" || c.consent === "live-for-another-client"
      ? null
      : {
          revokedAt: c.consent === "revoked" ? new Date() : null,
          scopeKeys: c.consent === "live-without-scopes" ? [] : ["userinfo"],
        };
  return { user: { disabledAt: c.disabled ? new Date() : null }, signedInThrough: c.signedInThrough, consent };
}

describe("test/consent-visibility: both reads of a client's people follow clientMayRead", () => {
  it("lists and reads exactly the people the rule lets the client see, for every combination of facts", async () => {
    const { db } = server;
    const partner = await createPartner(db);
    const other = await createPartner(db);
    const userinfo = await db.scope.findUniqueOrThrow({ where: { key: "userinfo" } });

    const people = [];
    for (const [index, c] of CASES.entries()) {
      const user = await db.user.create({
        data: {
          email: `case${index}-${Date.now()}@visibility.example`,
          name: `Case ${index}`,
          sub: newSub(),
          passwordHash: "not used to sign in",
          disabledAt: c.disabled ? new Date() : null,
        },
      });
      if (c.signedInThrough) await db.clientUser.create({ data: { clientId: partner.client.id, userId: user.id } });
      if (c.consent !== "none") {
        await db.consent.create({
          data: {
            userId: user.id,
            clientId: c.consent === "live-for-another-client" ? other.client.id : partner.client.id,
            revokedAt: c.consent === "revoked" ? new Date() : null,
            scopes: c.consent === "live-without-scopes" ? undefined : { create: [{ scopeId: userinfo.id }] },
          },
        });
      }
      people.push({ user, case: c });
    }

    const expected = people.filter((p) => clientMayRead(factsOf(p.case)) !== null).map((p) => p.user.id);
    // Not vacuous: some combinations are visible and most are not.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(people.length);

    const listed = await db.user.findMany({
      where: { id: { in: people.map((p) => p.user.id) }, ...visibleToClient(partner.client.id) },
      select: { id: true },
    });
    expect(listed.map((row) => row.id).sort()).toEqual([...expected].sort());

    for (const person of people) {
      const read = await consentedUser(db, partner.client.id, person.user.sub);
      expect({ case: person.case, visible: read !== null }).toEqual({
        case: person.case,
        visible: expected.includes(person.user.id),
      });
    }
  });
});
