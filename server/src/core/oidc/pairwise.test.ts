import { describe, expect, it } from "vitest";
import { derivePairwiseSub } from "./pairwise.js";

describe("core/oidc/pairwise", () => {
  it("derives a numeric sub below 2^53, stable per sector and person, different across sectors and people", () => {
    const sub = derivePairwiseSub("key", "example.com", "1234567890123456");
    expect(sub).toMatch(/^\d{16}$/);
    expect(BigInt(sub) < 2n ** 53n).toBe(true);
    expect(derivePairwiseSub("key", "EXAMPLE.com", "1234567890123456")).toBe(sub);
    expect(derivePairwiseSub("key", "other.example", "1234567890123456")).not.toBe(sub);
    expect(derivePairwiseSub("key", "example.com", "1234567890123457")).not.toBe(sub);
    expect(derivePairwiseSub("another key", "example.com", "1234567890123456")).not.toBe(sub);
  });
});
