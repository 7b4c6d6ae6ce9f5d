import { describe, expect, it } from "vitest";
import { solveChallengeJson } from "../../../test/proof-of-work.js";
import { ProofOfWork, type ProofOfWorkDifficulty } from "./proof-of-work.js";

const EASY: ProofOfWorkDifficulty = { minCounter: 10, maxCounter: 500, cost: 1, ttlSeconds: 300 };

/** A ProofOfWork with its own secret and an in-memory record of used nonces. */
function proofOfWork(secret = "one shared secret", difficulty = EASY) {
  const used = new Set<string>();
  return new ProofOfWork(
    async () => secret,
    async (nonce) => !used.has(nonce) && Boolean(used.add(nonce)),
    difficulty,
  );
}

const solve = async (pow: ProofOfWork) => solveChallengeJson(JSON.stringify(await pow.challenge()));

type Decoded = {
  challenge: { parameters: { cost: number; data?: Record<string, string> } };
  solution: { derivedKey: string };
};

/** Re-encodes a payload after changing it, as a forger would. */
function edited(payload: string, change: (decoded: Decoded) => void): string {
  const decoded = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as Decoded;
  change(decoded);
  return Buffer.from(JSON.stringify(decoded)).toString("base64");
}

describe("src/core/auth/proof-of-work", () => {
  it("accepts a solved challenge once, on any instance sharing the secret", async () => {
    const issuer = proofOfWork();
    const other = proofOfWork();
    const payload = await solve(issuer);
    expect(await other.verify(payload)).toBe("VERIFIED");
    expect(await other.verify(payload)).toBe("USED");
  });

  it("refuses answers it did not issue, wrong answers, other purposes and garbage", async () => {
    const pow = proofOfWork();
    expect(await pow.verify(await solve(proofOfWork("another installation")))).toBe("INVALID");
    const payload = await solve(pow);
    const wrongKey = edited(payload, ({ solution }) => {
      solution.derivedKey = `${solution.derivedKey.slice(0, -1)}${solution.derivedKey.endsWith("0") ? "1" : "0"}`;
    });
    expect(await pow.verify(wrongKey)).toBe("INVALID");
    expect(
      await pow.verify(
        edited(payload, (p) => {
          p.challenge.parameters.cost = 2;
        }),
      ),
    ).toBe("INVALID");
    expect(
      await pow.verify(
        edited(payload, (p) => {
          p.challenge.parameters.data = { purpose: "other" };
        }),
      ),
    ).toBe("INVALID");
    for (const garbage of ["", "bm90IGpzb24=", Buffer.from("{}").toString("base64"), "x".repeat(5000)]) {
      expect(await pow.verify(garbage)).toBe("INVALID");
    }
    // None of the refusals spent the real answer.
    expect(await pow.verify(payload)).toBe("VERIFIED");
  });

  it("refuses an answer to a challenge that has expired", async () => {
    const pow = proofOfWork("one shared secret", { ...EASY, ttlSeconds: -60 });
    expect(await pow.verify(await solve(pow))).toBe("EXPIRED");
  });
});
