import type { z } from "zod";

export type FieldIssue = { field: string; message: string };
export type ParsedInput<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

/** Path of the first object whose `length` is not a number: what zod's length checks choke on. */
function pathOfOddLength(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (value === null || typeof value !== "object" || depth > 128) return null;
  if (!Array.isArray(value) && "length" in value && typeof value.length !== "number") return path;
  for (const [key, item] of Object.entries(value)) {
    const found = pathOfOddLength(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Parses input with zod and never throws. zod 4 runs length checks on any value that has a `length`,
 * even after the type check failed, so `{"length":{"toString":"x"}}` throws while comparing; such input
 * is refused as a wrong type like any other instead of becoming a fault.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): ParsedInput<z.infer<T>> {
  let parsed: ReturnType<T["safeParse"]>;
  try {
    parsed = schema.safeParse(input) as ReturnType<T["safeParse"]>;
  } catch {
    const field = pathOfOddLength(input)?.join(".") || "body";
    return { ok: false, issues: [{ field, message: "Invalid input: has the wrong type" }] };
  }
  if (parsed.success) return { ok: true, data: parsed.data as z.infer<T> };
  // An unknown field is named one by one: the caller must learn that it was not applied.
  const issues = parsed.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join("."), message: "is not a known field" }))
      : [{ field: issue.path.join("."), message: issue.message }],
  );
  return { ok: false, issues };
}
