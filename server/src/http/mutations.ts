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

/** Documents the SPA sends are few and repeat: their answers are kept, so a repeated one is not parsed again. */
const MUTATION_FIELDS_CACHE_SIZE = 500;
const fieldsByDocument = new Map<string, string[] | null>();

/**
 * The fields a POSTed GraphQL mutation selects, by name, once per selection (aliases repeat a field), from the
 * body the door read; null when the request carries no mutation. Fields in fragments count too, so no spelling
 * of the document can hide one.
 */
export function mutationFields(body: unknown): string[] | null {
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query !== "string") return null;
  const known = fieldsByDocument.get(query);
  if (known !== undefined) return known;
  const fields = fieldsOfDocument(query);
  if (fieldsByDocument.size >= MUTATION_FIELDS_CACHE_SIZE)
    fieldsByDocument.delete(fieldsByDocument.keys().next().value as string);
  fieldsByDocument.set(query, fields);
  return fields;
}

function fieldsOfDocument(query: string): string[] | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 5_000 });
  } catch {
    return null; // Yoga answers a document it cannot parse itself
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
