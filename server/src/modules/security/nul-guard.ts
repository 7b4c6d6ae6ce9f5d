import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/** True when any string inside `value` (keys included) holds a NUL character. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || containsNul(item, depth + 1));
}

export const NUL_MESSAGE = "Text may not contain NUL (\\u0000) characters.";

/**
 * PostgreSQL text cannot hold NUL, so such input would fail deep in the database as an internal
 * error; it is refused up front as bad input instead, the same on every database.
 */
export const refuseNulCharacters: Plugin = {
  onParams({ params }) {
    const literalNul = /\0|\\u0000|\\u\{0+\}/.test(params.query ?? "");
    if (literalNul || containsNul(params.variables) || containsNul(params.extensions)) {
      throw new GraphQLError(NUL_MESSAGE, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
    }
  },
};
