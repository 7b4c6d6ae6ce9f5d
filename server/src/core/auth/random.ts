import { randomBytes, randomFillSync } from "node:crypto";

/** Drawn from the CSPRNG at once: 128 tokens of 32 bytes. */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/**
 * `bytes` random bytes from the operating system's CSPRNG, as text. Every randomBytes() call asks OpenSSL
 * afresh (about 4 µs here, several per login); this draws 4 KiB at a time, as Node's own randomUUID batches.
 * Each byte is handed out once and wiped as it goes, so the pool only ever holds bytes not yet used.
 */
export function randomText(bytes: number, encoding: "hex" | "base64url"): string {
  if (bytes > POOL_BYTES) return randomBytes(bytes).toString(encoding);
  if (used + bytes > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const text = pool.toString(encoding, used, used + bytes);
  pool.fill(0, used, used + bytes);
  used += bytes;
  return text;
}
