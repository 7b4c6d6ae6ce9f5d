import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import { serverSecret } from "../auth/server-secret.js";

/** The key that seals authenticator secrets at rest: a server secret every instance shares. */
async function sealingKey(db: Db): Promise<Buffer> {
  return createHash("sha256")
    .update(await serverSecret(db, "totp-seal"))
    .digest();
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url; a database dump alone does not reveal the secret. */
export async function seal(db: Db, value: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await sealingKey(db), iv);
  const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

export async function unseal(db: Db, sealed: string): Promise<string> {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unknown sealed secret format");
  const decipher = createDecipheriv("aes-256-gcm", await sealingKey(db), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
