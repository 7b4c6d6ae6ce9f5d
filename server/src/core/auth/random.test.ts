import { describe, expect, it } from "vitest";
import { randomText } from "./random.js";

describe("src/core/auth/random", () => {
  it("hands out the asked number of bytes in the asked encoding", () => {
    expect(randomText(10, "hex")).toMatch(/^[0-9a-f]{20}$/);
    expect(Buffer.from(randomText(32, "base64url"), "base64url")).toHaveLength(32);
    expect(Buffer.from(randomText(5000, "hex"), "hex")).toHaveLength(5000);
  });

  it("never hands out the same bytes twice, across many refills of the pool", () => {
    // 2,000 × 33 bytes: the 4 KiB pool is refilled sixteen times, and 33 does not divide 4096.
    const drawn = Array.from({ length: 2000 }, () => randomText(33, "hex"));
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn.every((text) => text.length === 66 && text !== "00".repeat(33))).toBe(true);
    // A wiped or unfilled pool would show as runs of zero bytes; random bytes are 0 about once in 256.
    const zeros =
      drawn
        .join("")
        .match(/../g)
        ?.filter((byte) => byte === "00").length ?? 0;
    expect(zeros).toBeLessThan((2000 * 33) / 128);
  });
});
