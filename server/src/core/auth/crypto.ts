import { hash, timingSafeEqual } from "node:crypto";
import { randomText } from "./random.js";

/** A URL-safe random token with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomText(bytes, "base64url");
}

/** One-shot `hash` (no Hash object): a secret check and a token lookup each take several. */
export function sha256(value: string): string {
  return hash("sha256", value, "hex");
}

/** Constant-time comparison of two hex digests. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

const SUB_MIN = 10n ** 15n;
const SUB_MAX = 2n ** 53n - 1n;

/** A random 16-digit numeric subject id below 2^53: stable once stored, never sequential. */
export function newSub(): string {
  const random = BigInt(`0x${randomText(8, "hex")}`);
  return (SUB_MIN + (random % (SUB_MAX - SUB_MIN))).toString();
}
