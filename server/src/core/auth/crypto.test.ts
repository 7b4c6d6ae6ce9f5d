import { describe, expect, it } from "vitest";
import { digestsEqual, newSub, randomToken, sha256 } from "./crypto.js";

describe("src/core/auth/crypto", () => {
  it("makes subs that are 16-digit numbers below 2^53 and not sequential", () => {
    const subs = Array.from({ length: 2000 }, newSub);
    for (const sub of subs) {
      expect(sub).toMatch(/^[1-9]\d{15}$/);
      expect(Number.isSafeInteger(Number(sub))).toBe(true);
    }
    expect(new Set(subs).size).toBe(subs.length);
    const ascending = subs.filter((sub, i) => i > 0 && BigInt(sub) > BigInt(subs[i - 1] ?? "0")).length;
    // Random order: about half the neighbours ascend; a counter would make all of them ascend.
    expect(ascending).toBeGreaterThan(800);
    expect(ascending).toBeLessThan(1200);
  });

  it("makes tokens with 256 bits of entropy", () => {
    expect(Buffer.from(randomToken(), "base64url")).toHaveLength(32);
    expect(randomToken()).not.toBe(randomToken());
  });

  it("compares digests", () => {
    expect(digestsEqual(sha256("a"), sha256("a"))).toBe(true);
    expect(digestsEqual(sha256("a"), sha256("b"))).toBe(false);
    expect(digestsEqual(sha256("a"), "00")).toBe(false);
  });
});
