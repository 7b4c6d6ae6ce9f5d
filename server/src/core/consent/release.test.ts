import { describe, expect, it } from "vitest";
import { type ConsentFacts, clientMayRead, type ProfileSource, releasedFields, releaseProfile } from "./release.js";

const facts = (fields: Partial<ConsentFacts> = {}): ConsentFacts => ({
  user: { disabledAt: null },
  signedInThrough: true,
  consent: { revokedAt: null, scopeKeys: ["userinfo", "useraddresses"] },
  ...fields,
});

const person: ProfileSource = {
  name: "Ada Lovelace",
  givenName: "Ada",
  familyName: "Lovelace",
  email: "ada@example.org",
  emailVerified: true,
  picture: null,
  birthDate: new Date("1815-12-10T00:00:00Z"),
  gender: null,
  secondEmail: null,
  country: "GB",
};

describe("src/core/consent/release", () => {
  it("lets a client read a person who signed in through it with a live consent, answering the granted scopes", () => {
    expect([...(clientMayRead(facts()) ?? [])].sort()).toEqual(["useraddresses", "userinfo"]);
  });

  it("hides a disabled account, one that never signed in through the client, and one without a live consent", () => {
    expect(clientMayRead(facts({ user: { disabledAt: new Date() } }))).toBeNull();
    expect(clientMayRead(facts({ signedInThrough: false }))).toBeNull();
    expect(clientMayRead(facts({ consent: null }))).toBeNull();
    expect(clientMayRead(facts({ consent: { revokedAt: new Date(), scopeKeys: ["userinfo"] } }))).toBeNull();
    expect(clientMayRead(facts({ consent: { revokedAt: null, scopeKeys: [] } }))).toBeNull();
  });

  it("releases exactly the fields the catalogue lists for the granted scopes", () => {
    expect(releasedFields(["useraddresses"])).toEqual(new Set(["addresses"]));
    expect(releasedFields(["providers"])).toEqual(new Set(["socials"]));
    expect(releasedFields(["no-such-scope"])).toEqual(new Set());
    expect(releasedFields(["userinfo"]).has("email")).toBe(true);
  });

  it("answers null for every profile field the scopes do not release", () => {
    expect(releaseProfile(person, ["useraddresses"])).toEqual({
      name: null,
      given_name: null,
      family_name: null,
      email: null,
      email_verified: null,
      picture: null,
      birth_date: null,
      gender: null,
      second_email: null,
      country: null,
    });
    const released = releaseProfile(person, ["userinfo"]);
    expect(released).toMatchObject({ name: "Ada Lovelace", email: "ada@example.org", email_verified: true });
  });
});
