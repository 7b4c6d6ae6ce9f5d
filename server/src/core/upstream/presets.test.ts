import { describe, expect, it } from "vitest";
import { emailVouchedFor, issuerProblem, normaliseScopes, preset } from "./presets.js";

describe("core/upstream/presets", () => {
  it("gives Google and Microsoft their issuers", () => {
    expect(preset("GOOGLE").issuer).toBe("https://accounts.google.com");
    expect(preset("MICROSOFT").issuer).toBe("https://login.microsoftonline.com/common/v2.0");
    expect(preset("MICROSOFT", { tenant: "consumers" }).issuer).toBe(
      "https://login.microsoftonline.com/consumers/v2.0",
    );
  });

  it("always asks for openid and email, once each", () => {
    expect(normaliseScopes(["profile email", "openid"])).toEqual(["openid", "email", "profile"]);
  });

  it("accepts https, and plain http only on loopback outside production", () => {
    expect(issuerProblem("https://accounts.google.com", "production")).toBeNull();
    expect(issuerProblem("http://127.0.0.1:4000", "test")).toBeNull();
    expect(issuerProblem("http://127.0.0.1:4000", "production")).toMatch(/https/);
    expect(issuerProblem("http://idp.example.com", "development")).toMatch(/https/);
    expect(issuerProblem("not a url", "test")).toMatch(/URL/);
  });

  it("takes Microsoft's own verified-e-mail claims for the Microsoft preset only, never a bare email", () => {
    const email = "ada@contoso.example";
    expect(emailVouchedFor("GOOGLE", email, { email_verified: true })).toBe(true);
    expect(emailVouchedFor("GOOGLE", email, { email_verified: "true" })).toBe(false);
    expect(emailVouchedFor("MICROSOFT", email, { email })).toBe(false);
    expect(emailVouchedFor("MICROSOFT", email, { xms_edov: true })).toBe(true);
    expect(emailVouchedFor("MICROSOFT", email, { xms_edov: false })).toBe(false);
    expect(emailVouchedFor("MICROSOFT", email, { verified_primary_email: ["Ada@Contoso.example"] })).toBe(true);
    expect(emailVouchedFor("MICROSOFT", email, { verified_secondary_email: [email] })).toBe(true);
    expect(emailVouchedFor("MICROSOFT", email, { verified_primary_email: ["other@contoso.example"] })).toBe(false);
    expect(emailVouchedFor("GENERIC", email, { xms_edov: true })).toBe(false);
    expect(emailVouchedFor("GOOGLE", email, { verified_primary_email: [email] })).toBe(false);
    expect(emailVouchedFor("MICROSOFT", null, { xms_edov: true })).toBe(false);
  });
});
