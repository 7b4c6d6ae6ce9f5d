import { readFileSync } from "node:fs";
import path from "node:path";
import { ValidationError } from "../graphql/errors.js";

export const PASSWORD_POLICY_MIN = 10;
export const PASSWORD_POLICY_MAX = 256;

/** Loaded once: the common passwords list that ships beside this file. */
const commonPasswords = new Set(
  readFileSync(path.join(import.meta.dirname, "common-passwords.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== "" && !line.startsWith("#")),
);

const normalize = (value: string) => value.normalize("NFKC").trim().toLowerCase();

/**
 * Why a password is refused, or null when it passes: 10–256 characters, not a common password
 * (also with digits or symbols tacked on the end), and not the person's own e-mail address or name.
 */
export function passwordProblem(password: string, person: { email?: string | null; name?: string | null } = {}) {
  if (password.length < PASSWORD_POLICY_MIN) return `Use at least ${PASSWORD_POLICY_MIN} characters for the password.`;
  if (password.length > PASSWORD_POLICY_MAX) return `Use at most ${PASSWORD_POLICY_MAX} characters for the password.`;
  const candidate = normalize(password);
  const stem = candidate.replace(/[\d\W_]+$/u, "");
  if (commonPasswords.has(candidate) || (stem.length >= 4 && commonPasswords.has(stem))) {
    return "This password is too common. Choose one that is harder to guess.";
  }
  const email = person.email ? normalize(person.email) : "";
  const personal = [email, email.split("@")[0] ?? "", person.name ? normalize(person.name) : ""];
  if (
    personal.some(
      (value) =>
        value.length > 0 && (candidate === value || candidate.replace(/\s+/g, "") === value.replace(/\s+/g, "")),
    )
  ) {
    return "Do not use your e-mail address or name as the password.";
  }
  return null;
}

/** Throws a ValidationError on `field` when the password breaks the policy. */
export function checkPasswordPolicy(
  password: string,
  person: { email?: string | null; name?: string | null },
  field = "password",
): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new ValidationError(problem, [{ field, message: problem }]);
}
