import { describe, expect, it } from "vitest";
import { issuerProblem, normaliseScopes, preset } from "./presets.js";

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
});
