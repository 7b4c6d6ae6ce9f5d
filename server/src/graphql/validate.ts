import type { z } from "zod";
import { ValidationError } from "./errors.js";

/** Parses mutation input with zod; failures become a typed ValidationError naming each field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
  throw new ValidationError(fieldErrors.map((error) => error.message).join(" "), fieldErrors);
}
