import type { z } from "zod";
import { passwordProblem } from "../auth/password-policy.js";
import { ValidationError } from "./errors.js";

/** Parses mutation input with zod; failures become a typed ValidationError naming each field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
  throw new ValidationError(fieldErrors.map((error) => error.message).join(" "), fieldErrors);
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
