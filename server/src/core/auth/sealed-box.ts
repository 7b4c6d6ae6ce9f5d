import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { serverSecret } from "./server-secret.js";

/** What a sealed value protects; each purpose gets its own key from the same key material. */
export type SealPurpose = "upstream-client-secret" | "oidc-signing-key" | "totp-secret";

const VERSION = "v1";

/**
 * The key material for values Gatehouse must read back (provider secrets, signing keys, authenticator
 * secrets): SECRET_ENCRYPTION_KEY when set, so a copy of the database alone reveals nothing; otherwise a
 * random secret every instance shares from the database.
 */
export async function encryptionKey(db: Db, config: Pick<Config, "secretEncryptionKey">): Promise<string> {
  return config.secretEncryptionKey ?? serverSecret(db, "secret-encryption-key");
}

const keyFor = (keyMaterial: string, purpose: SealPurpose) =>
  createHash("sha256").update(`gatehouse-${purpose}:${keyMaterial}`).digest();

/** AES-256-GCM under the purpose's key: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(keyMaterial: string, purpose: SealPurpose, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(keyMaterial, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"))].join(".");
}

/** The plaintext of seal's output; throws when the key or purpose is wrong or the value was tampered with. */
export function unseal(keyMaterial: string, purpose: SealPurpose, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unknown sealed value format");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(keyMaterial, purpose), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
