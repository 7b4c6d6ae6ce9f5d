import { Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/** One step either side, so a clock a little off (or a code typed as it rolls over) still works. */
const WINDOW = 1;

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

function totpOf(secret: string, account = "") {
  return new TOTP({
    issuer: "Gatehouse",
    label: account,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpUri = (secret: string, account: string): string => totpOf(secret, account).toString();

/**
 * The time step `code` belongs to, when it is right within the window and newer than `lastUsedStep`;
 * otherwise null. Accepting only newer steps is what makes a code single-use.
 */
export function acceptedStep(secret: string, code: string, now: number, lastUsedStep: number | null): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}
