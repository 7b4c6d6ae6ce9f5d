import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.js";

describe("src/core/auth/password-policy", () => {
  it("enforces the length bounds first", () => {
    expect(passwordProblem("Xk9#")).toBe("Use at least 10 characters for the password.");
    expect(passwordProblem("x".repeat(257))).toBe("Use at most 256 characters for the password.");
  });

  it("refuses common passwords, their variants, keyboard walks and repeats, saying why", () => {
    for (const weak of ["qwertyuiop", "Password123!", "1q2w3e4r5t", "password1234", "iloveyou2024", "aaaaaaaaaaaa"]) {
      expect([weak, passwordProblem(weak)]).toEqual([weak, expect.stringMatching(/^This password is too common/)]);
    }
    expect(passwordProblem("qwertyuiop")).toBe(
      "This password is too common or too easy to guess. This is a frequently used password. Try a few unrelated words.",
    );
  });

  it("refuses the person's own e-mail address or name, also hidden in a longer password", () => {
    const ada = { email: "Ada.Lovelace@example.org", name: "Ada Lovelace" };
    expect(passwordProblem("ada.lovelace@example.org", ada)).toBe(
      "Do not use your e-mail address or name as the password.",
    );
    expect(passwordProblem("Ada Lovelace", ada)).toMatch(/e-mail address or name/);
    expect(passwordProblem("lovelace1815", ada)).toMatch(/too common or too easy to guess/);
    // The same string is fine for someone else.
    expect(passwordProblem("lovelace18151852", { email: "grace@example.org", name: "Grace" })).toBeNull();
  });

  it("accepts long passphrases and random strings", () => {
    for (const strong of ["violet kettle on the moon", "correct horse battery", "Tr0ub4dor&3xx", "v9$Lq2!mZr7&"]) {
      expect([strong, passwordProblem(strong, { email: "a@b.org", name: "Ada" })]).toEqual([strong, null]);
    }
  });
});
