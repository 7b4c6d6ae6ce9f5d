import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * A POST body the door (mount.ts) read and parsed once: the mutation limit reads it, and Yoga gets it through
 * useBodyReadByTheDoor instead of reading the request again (a clone of a web Request tees its stream).
 */
export type ReadBody = { json: unknown } | { invalid: string };

export function readBody(text: string): ReadBody {
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    return { invalid: error instanceof Error ? error.message : String(error) };
  }
}

/** Where the door leaves the read body in the server context it hands to Yoga. */
export const READ_BODY = Symbol("graphql request body");
export type WithReadBody = { [READ_BODY]?: ReadBody };

const badRequest = (message: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { http: { spec: true, status: 400 }, code: "BAD_REQUEST", ...extra } });

/** The GraphQL parameters of a read body, refused with the answers Yoga's own JSON body parser gives. */
function paramsOf(body: ReadBody) {
  if ("invalid" in body) {
    throw badRequest("POST body sent invalid JSON.", { originalError: { name: "SyntaxError", message: body.invalid } });
  }
  if (body.json === null || typeof body.json !== "object") {
    const received = body.json === null ? "null" : typeof body.json;
    throw new GraphQLError(`POST body is expected to be object but received ${received}`, {
      extensions: { http: { status: 400 }, code: "BAD_REQUEST" },
    });
  }
  return body.json as Record<string, unknown>;
}

/** Runs after Yoga's own request parsers, so a body the door read replaces the JSON parser's second read. */
export const useBodyReadByTheDoor: Plugin<WithReadBody> = {
  onRequestParse({ serverContext, setRequestParser }) {
    const body = (serverContext as WithReadBody | undefined)?.[READ_BODY];
    if (body) setRequestParser(() => paramsOf(body));
  },
};
