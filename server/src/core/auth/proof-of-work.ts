import { createHmac } from "node:crypto";
import { type Challenge, createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { z } from "zod";

/** How much work one challenge asks of the browser, and how long it may take to send the answer. */
export type ProofOfWorkDifficulty = {
  /** The solver tries counters from 0 up to a secret one drawn from this range (SHA-256, `cost` rounds each). */
  minCounter: number;
  maxCounter: number;
  cost: number;
  /** Seconds a challenge stays valid; a solution is accepted once within them. */
  ttlSeconds: number;
};

export type ProofOfWorkOutcome = "VERIFIED" | "INVALID" | "EXPIRED" | "USED";

const ALGORITHM = "SHA-256";

/** What a challenge is for: a solution for one purpose is refused for the other. */
export type ProofOfWorkPurpose = "sign-in" | "register";

/** The ALTCHA payload the widget posts: base64 JSON of the signed challenge and the counter it found. */
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z
      .object({
        algorithm: z.literal(ALGORITHM),
        nonce: z.string().max(64),
        salt: z.string().max(64),
        cost: z.number().int().positive(),
        keyLength: z.number().int().positive().max(64),
        keyPrefix: z.string().max(128),
        keySignature: z.string().max(128).optional(),
        expiresAt: z.number().optional(),
        data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      })
      .loose(),
    signature: z.string().max(128),
  }),
  solution: z.object({
    counter: z.number().int().nonnegative(),
    derivedKey: z.string().max(256),
    time: z.number().optional(),
  }),
});

function parsePayload(payload: string): z.infer<typeof payloadSchema> | null {
  if (payload.length > 4096) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Self-hosted ALTCHA challenges: signed with a key every instance shares, checked without a network,
 * and each solution accepted once (`claim` answers false for a nonce already used).
 */
export class ProofOfWork {
  private keys: Promise<{ signature: string; key: string }> | undefined;

  constructor(
    private readonly secret: () => Promise<string>,
    private readonly claim: (nonce: string) => Promise<boolean>,
    private readonly difficulty: ProofOfWorkDifficulty,
    private readonly purpose: ProofOfWorkPurpose = "sign-in",
  ) {}

  private hmacKeys() {
    // Two keys from one secret: one signs the challenge, the other the expected answer.
    this.keys ??= this.secret().then((secret) => ({
      signature: createHmac("sha256", secret).update("altcha-challenge").digest("hex"),
      key: createHmac("sha256", secret).update("altcha-key").digest("hex"),
    }));
    // A failed read is tried again on the next request rather than remembered.
    this.keys.catch(() => {
      this.keys = undefined;
    });
    return this.keys;
  }

  /** A fresh challenge, as the ALTCHA widget takes it. */
  async challenge(): Promise<Challenge> {
    const { signature, key } = await this.hmacKeys();
    const { minCounter, maxCounter, cost, ttlSeconds } = this.difficulty;
    return createChallenge({
      algorithm: ALGORITHM,
      cost,
      counter: randomInt(minCounter, maxCounter),
      deriveKey,
      data: { purpose: this.purpose },
      expiresAt: Math.floor(Date.now() / 1000) + ttlSeconds,
      hmacSignatureSecret: signature,
      hmacKeySignatureSecret: key,
    });
  }

  /** Checks a widget payload: signed by us, not expired, solved, and never accepted before. */
  async verify(payload: string): Promise<ProofOfWorkOutcome> {
    const parsed = parsePayload(payload);
    if (!parsed || parsed.challenge.parameters.data?.purpose !== this.purpose) return "INVALID";
    const { signature, key } = await this.hmacKeys();
    const result = await verifySolution({
      challenge: parsed.challenge,
      solution: parsed.solution,
      deriveKey,
      hmacSignatureSecret: signature,
      hmacKeySignatureSecret: key,
    }).catch(() => null);
    if (result?.expired) return "EXPIRED";
    if (!result?.verified) return "INVALID";
    // Claimed only after verifying, so unsolved payloads cannot fill the store.
    const ok = await this.claim(parsed.challenge.parameters.nonce);
    return ok ? "VERIFIED" : "USED";
  }
}
