import { Kind, parse } from "graphql";
import type { Actor } from "../core/actor.js";

/**
 * POST bodies on /graphql must be JSON: the mutation limit reads them as JSON, so any other
 * content type (application/graphql, multipart, forms, text) could carry an uncounted mutation.
 */
export function isJsonBody(request: Request): boolean {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

/** Whether a POSTed GraphQL request carries a mutation; read from a clone so Yoga still gets the body. */
export async function isMutationRequest(request: Request): Promise<boolean> {
  let query: unknown;
  try {
    query = ((await request.clone().json()) as { query?: unknown } | null)?.query;
  } catch {
    return false; // Yoga answers malformed bodies itself
  }
  if (typeof query !== "string") return false;
  try {
    return parse(query, { maxTokens: 5_000 }).definitions.some(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === "mutation",
    );
  } catch {
    return false;
  }
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
