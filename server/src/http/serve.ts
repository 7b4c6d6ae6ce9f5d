import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { getRequestListener, RequestError } from "@hono/node-server";
import type { Context, Hono } from "hono";

/** Unread request bodies up to this size are read and dropped so the kept-alive connection stays usable. */
export const DRAIN_LIMIT_BYTES = 1024 * 1024;

const envelope = (status: number, message: string) =>
  new Response(JSON.stringify({ status: "error", message, data: {} }), {
    status,
    headers: { "content-type": "application/json" },
  });

/**
 * A request Node parsed but the adapter cannot turn into a URL (a Host like "a, b" or "local host",
 * a backslash in the path) never reaches the app; it is answered with the envelope, not an empty 400.
 */
async function answerUnroutable(error: unknown): Promise<Response> {
  if (error instanceof RequestError) return envelope(400, `Malformed request: ${error.message}.`);
  // A Host the adapter's own check lets through (e.g. "}%x@0 ") can still fail WHATWG URL parsing.
  if (isInvalidUrl(error)) return envelope(400, "Malformed request: the Host header or path is not a valid URL.");
  return envelope(500, "Internal server error");
}

const isInvalidUrl = (error: unknown) =>
  error instanceof TypeError && (error as TypeError & { code?: string }).code === "ERR_INVALID_URL";

/**
 * Once the answer is sent, the rest of an unread body is read and dropped (bounded by Node's own
 * requestTimeout), instead of the adapter's 500 ms drain that dropped slow uploads' connections.
 */
function drainAfterAnswer(incoming: IncomingMessage, outgoing: ServerResponse): void {
  // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112, 6.3): nothing to drain.
  const { headers } = incoming;
  if (headers["content-length"] === undefined && headers["transfer-encoding"] === undefined) return;
  outgoing.once("finish", () => {
    if (incoming.readableEnded || incoming.destroyed) return;
    // The app's unread body stream would pause the socket again; nobody reads it once the answer is out.
    incoming.removeAllListeners("data");
    let bytes = 0;
    incoming.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > DRAIN_LIMIT_BYTES) incoming.socket?.destroy();
    });
    incoming.on("error", () => {});
    incoming.resume();
  });
}

/** What Node's own parser refuses (a control character in a header, oversized headers) also gets the envelope. */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === "ECONNRESET") return void socket.destroy();
  // The request was already answered (a malformed Host, before its bad body was parsed): one answer only.
  if (answered.has(socket)) return void socket.end();
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const body = JSON.stringify({
    status: "error",
    message: tooLarge ? "Request headers are too large." : "Malformed request.",
    data: {},
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * A Host is a host name or address with an optional port, nothing else. Userinfo ("a@b") or text the
 * WHATWG URL parser rejects would otherwise fail later, wherever a handler first builds the Request.
 */
export function isWellFormedHost(host: string | undefined): boolean {
  if (host === undefined) return true;
  if (host === "" || host.includes("@") || /[\s/\\?#]/.test(host)) return false;
  return URL.canParse(`http://${host}/`);
}

/** Connections whose request was answered before Node finished parsing it. */
const answered = new WeakSet<Duplex>();

function answerMalformedHost(outgoing: ServerResponse): void {
  answered.add(outgoing.socket as Duplex);
  const body = JSON.stringify({
    status: "error",
    message: "Malformed request: the Host header is not valid.",
    data: {},
  });
  outgoing.writeHead(400, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  outgoing.end(body);
}

/** Handlers still running per server: a handler goes on after its client hung up, until its own end. */
const running = new WeakMap<Server, Set<Promise<unknown>>>();

/** Resolves once every handler that started on `server` has finished (answered or failed). */
export async function handlersSettled(server: Server): Promise<void> {
  const handlers = running.get(server);
  while (handlers?.size) await Promise.allSettled([...handlers]);
}

/**
 * A Node-level handler for a few hot routes, tried before the Hono app: answers a promise when it took
 * the request, undefined when Hono should have it. It must keep every behaviour Hono's chain has; one that
 * took a request and then finds it is not its own passes it on to Hono with `toHono`.
 */
export type FastPath = (
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  toHono: () => Promise<void>,
) => Promise<void> | undefined;

/** The first of several fast paths that takes the request. */
export const firstFastPath =
  (...paths: FastPath[]): FastPath =>
  (incoming, outgoing, toHono) => {
    for (const path of paths) {
      const taken = path(incoming, outgoing, toHono);
      if (taken) return taken;
    }
    return undefined;
  };

const fastPaths = new WeakMap<Hono, FastPath>();

/** Registers `app`'s fast path (app.ts); every server made from the app with createHttpServer uses it. */
export function attachFastPath(app: Hono, fastPath: FastPath): void {
  fastPaths.set(app, fastPath);
}

/**
 * The HTTP server of main.ts and the tests: Node's server around the Hono app, hardened as above.
 * `fastPath: false` sends every request through Hono (the parity test compares the two).
 */
export function createHttpServer(app: Hono, { fastPath: useFastPath = true } = {}): Server {
  const fastPath = useFastPath ? fastPaths.get(app) : undefined;
  const listener = getRequestListener(app.fetch, { errorHandler: answerUnroutable, autoCleanupIncoming: false });
  const handlers = new Set<Promise<unknown>>();
  // Nearly every request names the same Host: the last one that passed is not parsed again.
  let wellFormedHost: string | undefined;
  const hostPasses = (host: string | undefined) => {
    if (host === wellFormedHost) return true;
    if (!isWellFormedHost(host)) return false;
    wellFormedHost = host;
    return true;
  };
  const server = createServer((incoming, outgoing) => {
    drainAfterAnswer(incoming, outgoing);
    if (!hostPasses(incoming.headers.host)) return answerMalformedHost(outgoing);
    const toHono = async () => {
      await listener(incoming, outgoing);
    };
    const handled = fastPath?.(incoming, outgoing, toHono) ?? listener(incoming, outgoing);
    handlers.add(handled);
    const forget = () => handlers.delete(handled);
    handled.then(forget, forget);
    return handled;
  });
  running.set(server, handlers);
  server.on("clientError", answerClientError);
  return server;
}

/**
 * For an answer given before the body was read (413): a body too large to drain ends the connection
 * (`Connection: close` tells the client not to reuse it); a smaller one is drained and the connection kept.
 */
export function closeIfUndrainable(c: Context): void {
  const declared = Number(c.req.header("content-length"));
  if (!Number.isSafeInteger(declared) || declared > DRAIN_LIMIT_BYTES) c.header("Connection", "close");
}
