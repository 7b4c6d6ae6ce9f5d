import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";

/** AES-256-GCM under a key derived from `keyMaterial`; the output names its version, IV and tag. */
export function sealSecret(keyMaterial: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(keyMaterial), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plaintext of sealSecret's output; throws when the key is wrong or the value was tampered with. */
export function openSecret(keyMaterial: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unknown sealed secret format");
  const decipher = createDecipheriv("aes-256-gcm", deriveKey(keyMaterial), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

// One purpose-bound key per key material, so the same SECRET_ENCRYPTION_KEY never signs and encrypts alike.
function deriveKey(keyMaterial: string): Buffer {
  return createHash("sha256").update(`gatehouse-upstream-secret:${keyMaterial}`).digest();
}
