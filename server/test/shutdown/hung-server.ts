/**
 * A process whose shutdown hangs, for test/shutdown-bound.test.ts. SHUTDOWN_HANG says where:
 * - "close": the HTTP server never reports closed (as when a connection outlives every timer);
 * - "cleanup": the server closes, and then a cleanup never finishes (a pool waiting for a dead database).
 * An interval keeps the event loop alive, as an open socket or pool would.
 */
import type { ServerType } from "@hono/node-server";
import { createLogger } from "../../src/http/logger.js";
import { closeGracefully } from "../../src/http/shutdown.js";

const hang = process.env.SHUTDOWN_HANG;
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS);
const server = {
  close(callback: () => void) {
    if (hang !== "close") setImmediate(callback);
    return server;
  },
  closeAllConnections() {},
} as unknown as ServerType;
const hangingCleanup = () => new Promise<void>(() => {});

setInterval(() => {}, 60_000);
closeGracefully(server, hang === "cleanup" ? [hangingCleanup] : [], createLogger(), graceMs);
console.log("ready");
