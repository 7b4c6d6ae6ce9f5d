import type { Server } from "node:http";
import type { ServerType } from "@hono/node-server";
import type { Logger } from "./logger.js";

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish (at most graceMs,
 * then their connections are cut), run the cleanups, exit 0.
 */
export function closeGracefully(
  server: ServerType,
  cleanups: (() => unknown)[],
  logger: Logger,
  graceMs = 10_000,
): void {
  let closing = false;
  const shutDown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info("shutting down", { signal });
    const forced = setTimeout(() => (server as Server).closeAllConnections?.(), graceMs);
    forced.unref();
    server.close(async () => {
      clearTimeout(forced);
      for (const cleanup of cleanups) {
        try {
          await cleanup();
        } catch (error) {
          logger.error("cleanup failed", { error: String(error) });
        }
      }
      logger.info("stopped");
      process.exit(0);
    });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => shutDown(signal));
}
