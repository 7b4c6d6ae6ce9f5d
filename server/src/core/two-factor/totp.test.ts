import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { recoveryCodeHash } from "./recovery-codes.js";
import { acceptedStep, newTotpSecret } from "./totp.js";

const secret = newTotpSecret();
const app = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
// The middle of step 1,000,000, so ±30 s stays clear of a boundary.
const now = 1_000_000 * 30_000 + 15_000;
const code = (steps: number) => app.generate({ timestamp: now + steps * 30_000 });

describe("core/two-factor/totp: acceptedStep", () => {
  it("accepts the current step and one either side, answering the code's own step", () => {
    expect(acceptedStep(secret, code(0), now, null)).toBe(1_000_000);
    expect(acceptedStep(secret, code(-1), now, null)).toBe(999_999);
    expect(acceptedStep(secret, code(1), now, null)).toBe(1_000_001);
    expect(acceptedStep(secret, ` ${code(0).slice(0, 3)} ${code(0).slice(3)} `, now, null)).toBe(1_000_000);
  });

  it("refuses codes two steps away, malformed codes, and any step not newer than the last used one", () => {
    expect(acceptedStep(secret, code(-2), now, null)).toBeNull();
    expect(acceptedStep(secret, code(2), now, null)).toBeNull();
    expect(acceptedStep(secret, "12345", now, null)).toBeNull();
    expect(acceptedStep(secret, "abcdef", now, null)).toBeNull();
    expect(acceptedStep(secret, code(0), now, 1_000_000)).toBeNull();
    expect(acceptedStep(secret, code(-1), now, 1_000_000)).toBeNull();
    expect(acceptedStep(secret, code(1), now, 1_000_000)).toBe(1_000_001);
  });
});

describe("core/two-factor/recovery-codes: recoveryCodeHash", () => {
  it("ignores case, spaces and dashes, and nothing else", () => {
    expect(recoveryCodeHash("abcde-fghjk")).toBe(recoveryCodeHash("ABCDEFGHJK"));
    expect(recoveryCodeHash(" abcde fghjk ")).toBe(recoveryCodeHash("ABCDE-FGHJK"));
    expect(recoveryCodeHash("ABCDE-FGHJM")).not.toBe(recoveryCodeHash("ABCDE-FGHJK"));
  });
});
