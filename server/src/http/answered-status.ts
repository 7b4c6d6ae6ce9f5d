import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";

/** The header Hono's Node adapter puts on the one shared response that stands for "answered on the Node response". */
const ALREADY_SENT = "x-hono-already-sent";

/**
 * The status the client got. A handler that answers on the Node response itself (oidc-provider at /oauth/*)
 * leaves Hono with a placeholder 200, so the Node response's own status is read instead.
 */
export function answeredStatus(c: Context): number {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  return outgoing && answeredOnNode(c) ? outgoing.statusCode : c.res.status;
}

/** Whether the handler wrote its answer on the Node response itself, past Hono's response headers. */
export function answeredOnNode(c: Context): boolean {
  return c.res.headers.has(ALREADY_SENT);
}
