import { randomToken, sha256 } from "../auth/crypto.js";

const SECRET_PREFIX = "ghs_";

/** A new client secret: 256 random bits. Only `secretHash` and `prefix` are ever stored. */
export function newClientSecret(): { value: string; secretHash: string; prefix: string } {
  const value = `${SECRET_PREFIX}${randomToken(32)}`;
  return { value, secretHash: sha256(value), prefix: value.slice(0, SECRET_PREFIX.length + 6) };
}
