import type { z } from "zod";
import { ValidationError } from "../core/errors.js";
import { parseInput } from "../core/parse-input.js";
import { BAD_TEXT_MESSAGES, findBadText } from "../http/text-guard.js";
import type { XwmsRequest } from "./deps.js";
import { XwmsError } from "./envelope.js";
import { envelopeError } from "./errors.js";

/** Reads and validates a JSON body; every problem becomes a 400 envelope naming the fields. */
export async function readJson<T extends z.ZodType>(request: XwmsRequest, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    const text = await request.text();
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new XwmsError(400, "Malformed JSON body");
  }
  // Text no database can store (NUL, lone surrogates) is bad input here, not a fault in the driver.
  const problem = findBadText(body);
  if (problem) throw new XwmsError(400, BAD_TEXT_MESSAGES[problem]);
  const parsed = parseInput(schema, body);
  if (!parsed.ok) {
    const fields = parsed.issues.map((issue) => ({ field: issue.field || "body", message: issue.message }));
    throw envelopeError(new ValidationError("Invalid request", fields));
  }
  return parsed.data;
}
