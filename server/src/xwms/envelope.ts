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

export function success<T>(c: Context, data: T, message = "OK", status: ContentfulStatusCode = 200) {
  return c.json<Envelope<T>>({ status: "success", message, data }, status);
}

export function failure(c: Context, error: XwmsError) {
  return c.json<Envelope<Record<string, unknown>>>(
    { status: "error", message: error.message, data: error.data },
    error.httpStatus,
  );
}
