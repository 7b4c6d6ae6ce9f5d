import { randomInt } from "node:crypto";
import { sha256 } from "../auth/crypto.js";

export const RECOVERY_CODE_COUNT = 10;
/** No 0/O, 1/I/L: a code copied from paper reads one way only. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** `XXXXX-XXXXX`, about 49 bits each; single-use, so guessing one is hopeless within the rate limit. */
function recoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);

/** Case, spaces and dashes do not matter when typing a code back. */
export const recoveryCodeHash = (code: string): string => sha256(code.toUpperCase().replace(/[\s-]+/g, ""));
