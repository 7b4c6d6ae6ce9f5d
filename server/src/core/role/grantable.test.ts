import { describe, expect, it } from "vitest";
import { grantRefusal } from "./grantable.js";

const developer = { level: 50, permissions: ["domains:manage", "members:manage", "users:read"] };

describe("src/core/role/grantable", () => {
  it("allows a role at or below the granter's level whose permissions the granter holds", () => {
    expect(grantRefusal(developer, { level: 50, permissions: ["users:read", "domains:manage"] })).toBeNull();
    expect(grantRefusal(developer, { level: 0, permissions: [] })).toBeNull();
  });

  it("refuses a role above the granter's level, whatever its permissions", () => {
    expect(grantRefusal(developer, { level: 51, permissions: [] })).toBe(
      "You cannot manage a role above your own level (50).",
    );
  });

  it("refuses a role holding any permission the granter lacks, and names each one once", () => {
    expect(
      grantRefusal(developer, {
        level: 10,
        permissions: ["users:read", "secrets:manage", "audit:read", "secrets:manage"],
      }),
    ).toBe("You cannot grant permissions you do not hold: audit:read, secrets:manage.");
  });

  it("accepts permissions given as a Set, as grants hold them", () => {
    expect(
      grantRefusal({ level: 80, permissions: new Set(["users:read"]) }, { level: 10, permissions: ["users:read"] }),
    ).toBeNull();
  });
});
