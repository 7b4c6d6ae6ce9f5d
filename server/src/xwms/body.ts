import type { Context } from "hono";
import type { z } from "zod";
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
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({
      field: issue.path.join(".") || "body",
      message: issue.message,
    }));
    throw new XwmsError(400, `Invalid request: ${fields.map((f) => `${f.field} ${f.message}`).join("; ")}`, {
      errors: fields,
    });
  }
  return parsed.data;
}
