/** Where log lines go: stdout in production, a buffer in tests. */
export type LogSink = { write(line: string): unknown };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type Logger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

/** One JSON object per line. Callers pass only fields they chose: never headers, bodies, tokens or secrets. */
export function createLogger(sink: LogSink = process.stdout): Logger {
  const write =
    (level: string) =>
    (message: string, fields: LogFields = {}) => {
      sink.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
    };
  return { info: write("info"), warn: write("warn"), error: write("error") };
}

/** An error's name, message and stack for the log; never the request that caused it. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.name, errorMessage: error.message, stack: error.stack };
  return { error: String(error) };
}
