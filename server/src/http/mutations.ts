import { type DocumentNode, Kind, parse, visit } from "graphql";
import type { Actor } from "../core/actor.js";

/**
 * POST bodies on /graphql must be JSON: the mutation limit reads them as JSON, so any other
 * content type (application/graphql, multipart, forms, text) could carry an uncounted mutation.
 */
export function isJsonBody(request: Request): boolean {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

/**
 * The fields a POSTed GraphQL mutation selects, by name, once per selection (aliases repeat a field), read
 * from a clone so Yoga still gets the body; null when the request carries no mutation. Fields in fragments
 * count too, so no spelling of the document can hide one.
 */
export async function mutationFields(request: Request): Promise<string[] | null> {
  let query: unknown;
  try {
    query = ((await request.clone().json()) as { query?: unknown } | null)?.query;
  } catch {
    return null; // Yoga answers malformed bodies itself
  }
  if (typeof query !== "string") return null;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 5_000 });
  } catch {
    return null;
  }
  const isMutation = document.definitions.some(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === "mutation",
  );
  if (!isMutation) return null;
  const fields: string[] = [];
  visit(document, { Field: (node) => void fields.push(node.name.value) });
  return fields;
}

/** Mutations are counted per session, API token, client, or IP address for anonymous callers. */
export function callerKey(context: { actor: Actor; ip: string | undefined }): string {
  const { actor } = context;
  switch (actor.kind) {
    case "session":
      return `session:${actor.sessionId}`;
    case "apiToken":
      return `token:${actor.tokenId}`;
    case "client":
      return `client:${actor.clientId}`;
    default:
      return `ip:${context.ip ?? "unknown"}`;
  }
}
