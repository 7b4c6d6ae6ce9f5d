import { GraphQLError, Kind, visit } from "graphql";
import type { Plugin } from "graphql-yoga";

/** Why a text cannot be stored: PostgreSQL refuses NUL, and no database driver takes a lone UTF-16 surrogate. */
export type BadText = "nul" | "ill-formed";

export const BAD_TEXT_MESSAGES: Record<BadText, string> = {
  nul: "Text may not contain NUL (\\u0000) characters.",
  "ill-formed": "Text must be well-formed Unicode (no lone UTF-16 surrogates).",
};

export function badText(text: string): BadText | null {
  if (text.includes("\u0000")) return "nul";
  return text.isWellFormed() ? null : "ill-formed";
}

/** The first problem in any string inside `value`, keys included, or null when every string can be stored. */
export function findBadText(value: unknown, depth = 0): BadText | null {
  if (typeof value === "string") return badText(value);
  if (depth > 128 || value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findBadText(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = badText(key) ?? findBadText(item, depth + 1);
    if (found) return found;
  }
  return null;
}

const refuse = (problem: BadText) =>
  new GraphQLError(BAD_TEXT_MESSAGES[problem], { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });

/**
 * Such text would fail deep in the database as an internal error, so every GraphQL request is refused
 * up front as bad input: its query text, variables, extensions and the string literals of the parsed
 * document (escapes like "\u0000" or "\ud800" only become characters when parsed).
 */
export const refuseBadText: Plugin = {
  onParams({ params }) {
    const problem = findBadText(params.query ?? "") ?? findBadText(params.variables) ?? findBadText(params.extensions);
    if (problem) throw refuse(problem);
  },
  onParse() {
    return ({ result }) => {
      if (!result || result instanceof Error || !("kind" in result)) return;
      let problem: BadText | null = null;
      visit(result, {
        [Kind.STRING]: (node) => {
          problem ??= badText(node.value);
        },
      });
      if (problem) throw refuse(problem);
    };
  },
};
