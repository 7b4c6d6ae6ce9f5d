import type { Context } from "hono";
import type { z } from "zod";
import { containsNul, NUL_MESSAGE } from "../modules/security/nul-guard.js";
import { XwmsError } from "./envelope.js";

/** Reads and validates a JSON body; every problem becomes a 400 envelope naming the fields. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    const text = await c.req.text();
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new XwmsError(400, "Malformed JSON body");
  }
  // PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
  if (containsNul(body)) throw new XwmsError(400, NUL_MESSAGE);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // An unknown field is named one by one: the caller must learn that it was not applied.
    const fields = parsed.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ field: [...issue.path, key].join("."), message: "is not a known field" }))
        : [{ field: issue.path.join(".") || "body", message: issue.message }],
    );
    throw new XwmsError(400, `Invalid request: ${fields.map((f) => `${f.field} ${f.message}`).join("; ")}`, {
      errors: fields,
    });
  }
  return parsed.data;
}
