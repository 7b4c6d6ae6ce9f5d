import type { Server } from "node:http";
import type { ServerType } from "@hono/node-server";
import type { Logger } from "./logger.js";
import { handlersSettled } from "./serve.js";

/** Resolves with `value` after `ms`, without keeping the process alive for it. */
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms).unref());

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish (at most graceMs,
 * then their connections are cut), wait (at most graceMs more) for handlers whose client already hung up,
 * so the database is never closed under a running transaction, run the cleanups, exit 0. Should a cleanup
 * still hang (a pool waiting for a connection nobody returns), the process exits 1 after another graceMs; and
 * whatever else hangs, it exits 1 at the latest 4 × graceMs after the signal.
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
    // The bound of the whole shutdown, whatever hangs before the steps below even start: a server whose database
    // was dropped under it was seen still running half an hour after SIGTERM. Every step below ends within 3 × graceMs.
    setTimeout(() => {
      logger.error("shutdown did not finish; exiting anyway");
      process.exit(1);
    }, 4 * graceMs).unref();
    const forced = setTimeout(() => (server as Server).closeAllConnections?.(), graceMs);
    forced.unref();
    server.close(async () => {
      clearTimeout(forced);
      if ((await Promise.race([handlersSettled(server as Server), after(graceMs, "late")])) === "late") {
        logger.warn("handlers still running at shutdown; closing anyway");
      }
      setTimeout(() => {
        logger.error("cleanup did not finish; exiting anyway");
        process.exit(1);
      }, graceMs).unref();
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
