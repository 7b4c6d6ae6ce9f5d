import { type Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import type { Hono } from "hono";
import { expect } from "vitest";
import { createApp } from "../src/app.js";
import type { Config } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { hotSqlOf } from "../src/db/hot/registry.js";
import type { LogFields, RequestLine } from "../src/http/logger.js";
import { createMetrics, type Metrics } from "../src/http/metrics.js";
import { createHttpServer } from "../src/http/serve.js";
import type { RateLimits } from "../src/rate-limit/limits.js";

/**
 * The two sides of a fast-path parity test: instances of the same app over one database, one serving through
 * its Node-level fast paths and one through Hono only, each with its own log lines and metrics.
 */
export type Line = { message: string; fields: LogFields };
export type Side = { port: number; lines: Line[]; metrics: Metrics; close: () => Promise<void> };

export async function serveSide(
  db: Db,
  config: Config,
  fastPath: boolean,
  options: { rateLimits?: RateLimits; beforeListening?: (app: Hono) => Promise<void> } = {},
): Promise<Side> {
  const lines: Line[] = [];
  const record = (message: string, fields: LogFields = {}) => lines.push({ message, fields });
  const metrics = createMetrics(db, hotSqlOf(db));
  const logger = {
    request: (entry: RequestLine) => record("request", entry),
    info: record,
    warn: record,
    error: record,
  };
  const app = createApp({ db, config, metrics, rateLimits: options.rateLimits, logger });
  await options.beforeListening?.(app);
  const server = createHttpServer(app, { fastPath }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    lines,
    metrics,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Sent = {
  method?: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Sent with Transfer-Encoding: chunked, no Content-Length. */
  chunked?: boolean;
};
export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One request over `agent` (kept alive, as SDKs hold them: whether a side keeps or closes it is compared too). */
export function send(port: number, sent: Sent, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method: sent.method ?? "POST", path: sent.path, headers: sent.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on("error", reject);
    if (sent.chunked) {
      const body = Buffer.from(sent.body ?? "");
      for (let i = 0; i < body.length; i += 512) req.write(body.subarray(i, i + 512));
      req.end();
    } else {
      req.end(sent.body);
    }
  });
}

/** A side's last log line, its request id and duration by type only. */
export const lastLine = (side: Side) => {
  const { requestId, durationMs, ...fields } = side.lines.at(-1)?.fields ?? {};
  return { message: side.lines.at(-1)?.message, fields, requestId: typeof requestId, duration: typeof durationMs };
};

/**
 * Sends each request to both sides, from a fresh source address (`<prefix>.<n>`) with its own request id,
 * and expects the same answer (as `comparable` sees it), the same log line and as many log lines from both.
 */
export function bothSides<S extends { headers?: Record<string, string | string[]> }>(
  sides: () => { fast: Side; hono: Side },
  send: (port: number, sent: S) => Promise<Answer>,
  comparable: (answer: Answer) => unknown,
  sourcePrefix: string,
) {
  let caseNo = 0;
  return async (sent: S): Promise<[Answer, Answer]> => {
    caseNo++;
    const { fast, hono } = sides();
    const headers = {
      "x-forwarded-for": `${sourcePrefix}.${caseNo}`,
      "x-request-id": `parity-${caseNo}`,
      ...sent.headers,
    };
    const a = await send(fast.port, { ...sent, headers });
    const b = await send(hono.port, { ...sent, headers });
    expect(comparable(a)).toEqual(comparable(b));
    expect(lastLine(fast)).toEqual(lastLine(hono));
    expect(fast.lines.length).toBe(hono.lines.length);
    return [a, b];
  };
}
