import { describe, expect, it } from "vitest";
import { seal, unseal } from "./sealed-box.js";

describe("core/auth/sealed-box", () => {
  it("seals to a new ciphertext each time and opens with the same key and purpose", () => {
    const a = seal("key-one", "upstream-client-secret", "GOCSPX-secret");
    const b = seal("key-one", "upstream-client-secret", "GOCSPX-secret");
    expect(a).not.toBe(b);
    expect(a).not.toContain("GOCSPX");
    expect(unseal("key-one", "upstream-client-secret", a)).toBe("GOCSPX-secret");
  });

  it("refuses another key, another purpose and a tampered value", () => {
    const sealed = seal("key-one", "totp-secret", "JBSWY3DPEHPK3PXP");
    expect(() => unseal("key-two", "totp-secret", sealed)).toThrow();
    expect(() => unseal("key-one", "oidc-signing-key", sealed)).toThrow();
    const [version, iv, tag, body = ""] = sealed.split(".");
    const flipped = `${body.startsWith("A") ? "B" : "A"}${body.slice(1)}`;
    expect(() => unseal("key-one", "totp-secret", [version, iv, tag, flipped].join("."))).toThrow();
  });
});
