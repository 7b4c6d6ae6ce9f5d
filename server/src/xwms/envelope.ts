import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type Envelope<T> = { status: "success" | "error"; message: string; data: T };

/** The one error type of the REST API; mapped to the envelope in one place (app.ts onError). */
export class XwmsError extends Error {
  constructor(
    readonly httpStatus: ContentfulStatusCode,
    message: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A success envelope as an endpoint answers it (deps.ts XwmsAnswer). */
export function success<T>(data: T, message = "OK", status: ContentfulStatusCode = 200) {
  return { status, envelope: { status: "success" as const, message, data } };
}

/** An error envelope as an endpoint or the pipeline answers it. */
export function refusal(error: XwmsError) {
  return { status: error.httpStatus, envelope: { status: "error" as const, message: error.message, data: error.data } };
}

/** An error envelope written through Hono (timeouts, the root fallback, unknown /api paths). */
export function failure(c: Context, error: XwmsError) {
  return c.json<Envelope<Record<string, unknown>>>(
    { status: "error", message: error.message, data: error.data },
    error.httpStatus,
  );
}
