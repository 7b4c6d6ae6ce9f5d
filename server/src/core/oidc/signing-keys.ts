import { generateKeyPairSync, type JsonWebKey } from "node:crypto";
import type { Db } from "../../db/client.js";
import type { SigningKey } from "../../generated/prisma/client.js";
import { randomToken } from "../auth/crypto.js";
import { seal, unseal } from "../auth/sealed-box.js";

export const SIGNING_ALGORITHM = "RS256";
/** The longest a token signed by a key may live (ID and access tokens: 1 hour); a retired key stays this long. */
export const LONGEST_TOKEN_SECONDS = 3600;

export type KeyTiming = {
  /** How long a new key is published before it signs, so relying parties' cached JWKS already hold it. */
  publishLeadSeconds: number;
  /** A key older than this is rotated on the next read. */
  rotateAfterDays: number;
};

export type SigningKeySet = {
  /** Private JWKs, the one that signs first; every one is published (public part only). */
  keys: (JsonWebKey & { kid: string; alg: string; use: string })[];
  /** Changes whenever the published keys or the signing key change. */
  version: string;
};

/** A private key as stored: sealed under the key material (SECRET_ENCRYPTION_KEY or the shared server secret). */
export const encryptPrivateKey = (secret: string, plaintext: string) => seal(secret, "oidc-signing-key", plaintext);

export const decryptPrivateKey = (secret: string, stored: string) => unseal(secret, "oidc-signing-key", stored);

/** Creates a new signing key, published at once; it signs once it is publishLeadSeconds old. */
export async function rotateSigningKey(db: Db, secret: string, now = new Date()): Promise<SigningKey> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomToken(12);
  const created = await db.signingKey.create({
    data: {
      kid,
      algorithm: SIGNING_ALGORITHM,
      publicJwk: JSON.stringify({ ...publicKey.export({ format: "jwk" }), kid, alg: SIGNING_ALGORITHM, use: "sig" }),
      privateKeyEncrypted: encryptPrivateKey(secret, JSON.stringify(privateKey.export({ format: "jwk" }))),
      createdAt: now,
    },
  });
  // Every older key stops being the newest now; it keeps signing until the new one's lead has passed.
  await db.signingKey.updateMany({
    where: { status: "ACTIVE", id: { not: created.id } },
    data: { status: "RETIRING", retiredAt: now },
  });
  return created;
}

/**
 * The keys to publish and the one to sign with. A key signs once it has been published for the lead time;
 * a superseded key stays published until every token it can have signed has expired, then retires.
 */
export async function currentSigningKeys(
  db: Db,
  secret: string,
  timing: KeyTiming,
  now = new Date(),
): Promise<SigningKeySet> {
  const lead = timing.publishLeadSeconds * 1000;
  let keys = await db.signingKey.findMany({
    where: { status: { in: ["ACTIVE", "RETIRING"] } },
    orderBy: { createdAt: "desc" },
  });
  const newest = keys[0];
  if (!newest || now.getTime() - newest.createdAt.getTime() > timing.rotateAfterDays * 86_400_000) {
    await rotateSigningKey(db, secret, now);
    return currentSigningKeys(db, secret, timing, now);
  }
  const signing = keys.find((key) => now.getTime() - key.createdAt.getTime() >= lead) ?? keys[keys.length - 1];
  const expired = keys.filter(
    (key) =>
      key !== signing &&
      key.status === "RETIRING" &&
      key.retiredAt &&
      now.getTime() - key.retiredAt.getTime() > lead + LONGEST_TOKEN_SECONDS * 1000 &&
      key.createdAt < (signing?.createdAt ?? now),
  );
  if (expired.length) {
    await db.signingKey.updateMany({
      where: { id: { in: expired.map((key) => key.id) } },
      data: { status: "RETIRED" },
    });
    keys = keys.filter((key) => !expired.includes(key));
  }
  const ordered = signing ? [signing, ...keys.filter((key) => key !== signing)] : keys;
  return {
    keys: ordered.map((key) => ({
      ...(JSON.parse(decryptPrivateKey(secret, key.privateKeyEncrypted)) as JsonWebKey),
      kid: key.kid,
      alg: key.algorithm,
      use: "sig",
    })),
    version: ordered.map((key) => key.kid).join(","),
  };
}
