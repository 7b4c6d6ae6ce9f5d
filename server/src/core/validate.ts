import type { z } from "zod";
import { passwordProblem } from "./auth/password-policy.js";
import { ValidationError } from "./errors.js";
import { parseInput } from "./parse-input.js";

/** Parses mutation input with zod; failures become a typed ValidationError naming each field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = parseInput(schema, input);
  if (parsed.ok) return parsed.data;
  throw new ValidationError(parsed.issues.map((issue) => issue.message).join(" "), parsed.issues);
}

/** The password policy, answered as a ValidationError on `field`. */
export function checkPasswordPolicy(
  password: string,
  person: { email?: string | null; name?: string | null },
  field = "password",
): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new ValidationError(problem, [{ field, message: problem }]);
}
