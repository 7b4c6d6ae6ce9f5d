import { randomToken } from "../auth/crypto.js";

/** Public domain key that partners may send as X-Client-Domain. */
export function newDomainPublicId(): string {
  return `dom_${randomToken(16)}`;
}
