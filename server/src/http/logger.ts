import pino from "pino";
import { isoNow } from "../core/clock.js";

/** Where log lines go: stdout in production, a buffer in tests. */
export type LogSink = { write(line: string): unknown };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** The one line every answered request gets (request-log.ts). */
export type RequestLine = {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  clientId?: string;
};

export type Logger = {
  /** `{"level":"info","time":…,…entry,"message":"request"}`, as `info("request", entry)` writes it. */
  request(entry: RequestLine): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

/**
 * One JSON object per line through pino, which in production buffers and writes asynchronously, off the
 * request's critical section (pino flushes it on exit). Callers pass only fields they chose: never headers, bodies, tokens or secrets.
 */
export function createLogger(sink: LogSink = bufferedStdout()): Logger {
  const log = pino(
    {
      level: "info",
      base: undefined,
      messageKey: "message",
      timestamp: () => `,"time":"${isoNow()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    sink,
  );
  return {
    request: (entry) => sink.write(requestLine(entry)),
    info: (message, fields = {}) => log.info(fields, message),
    warn: (message, fields = {}) => log.warn(fields, message),
    error: (message, fields = {}) => log.error(fields, message),
  };
}

/**
 * The request line written straight to the sink, in pino's format: pino's generic serialiser and its per-line
 * Date cost a tenth of a hot request's CPU. Every string is JSON.stringify'd, so a path cannot break the line.
 */
function requestLine({ requestId, method, path, status, durationMs, clientId }: RequestLine): string {
  const client = clientId === undefined ? "" : `,"clientId":${JSON.stringify(clientId)}`;
  return `{"level":"info","time":"${isoNow()}","requestId":${JSON.stringify(requestId)},"method":${JSON.stringify(method)},"path":${JSON.stringify(path)},"status":${status},"durationMs":${durationMs}${client},"message":"request"}\n`;
}

/**
 * stdout through sonic-boom, written in batches of at least 4 KiB or once a second, whichever comes first:
 * one write(2) per log line cost a system call per request. pino flushes what is left when the process exits.
 */
const bufferedStdout = () => pino.destination({ sync: false, minLength: 4096, periodicFlush: 1000 });

/** An error's name, message and stack for the log; never the request that caused it. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.name, errorMessage: error.message, stack: error.stack };
  return { error: String(error) };
}
