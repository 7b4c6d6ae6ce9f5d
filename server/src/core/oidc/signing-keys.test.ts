import { describe, expect, it } from "vitest";
import { decryptPrivateKey, encryptPrivateKey } from "./signing-keys.js";

describe("core/oidc/signing-keys", () => {
  it("stores a private key only encrypted, readable with the configured secret alone", () => {
    const stored = encryptPrivateKey("configured secret", '{"d":"private"}');
    expect(stored).not.toContain("private");
    expect(decryptPrivateKey("configured secret", stored)).toBe('{"d":"private"}');
    expect(() => decryptPrivateKey("another secret", stored)).toThrow();
  });
});
