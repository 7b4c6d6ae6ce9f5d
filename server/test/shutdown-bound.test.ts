import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const serverDir = path.resolve(import.meta.dirname, "..");
const GRACE_MS = 300;

/** Runs test/shutdown/hung-server.ts, sends SIGTERM once it is ready, and reports how and when it ended. */
function terminate(hang: "close" | "cleanup"): Promise<{ code: number | null; afterMs: number; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/shutdown/hung-server.ts"], {
    cwd: serverDir,
    env: { ...process.env, SHUTDOWN_HANG: hang, SHUTDOWN_GRACE_MS: String(GRACE_MS) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let signalledAt = 0;
  // A process the bound failed to end is killed, so the test fails on its exit code instead of leaving it behind.
  setTimeout(() => child.kill("SIGKILL"), 20_000).unref();
  child.stderr.on("data", (chunk) => (output += chunk));
  child.stdout.on("data", (chunk) => {
    output += chunk;
    if (!signalledAt && output.includes("ready")) {
      signalledAt = performance.now();
      child.kill("SIGTERM");
    }
  });
  return new Promise((resolve) =>
    child.once("exit", (code) => resolve({ code, afterMs: performance.now() - signalledAt, output })),
  );
}

describe("test/shutdown-bound: a shutdown that hangs still ends the process", () => {
  it("exits 1 at 4 × grace when the HTTP server never reports closed", async () => {
    const ended = await terminate("close");
    expect(ended.code).toBe(1);
    expect(ended.output).toContain('"message":"shutdown did not finish; exiting anyway"');
    expect(ended.output).not.toContain('"message":"stopped"');
    // Not before the bound: connections get their grace first. Without the bound it would never exit by itself.
    expect(ended.afterMs).toBeGreaterThanOrEqual(4 * GRACE_MS - 50);
  }, 30_000);

  it("exits 1 one grace after the cleanups start when a cleanup never finishes", async () => {
    const ended = await terminate("cleanup");
    expect(ended.code).toBe(1);
    expect(ended.output).toContain('"message":"cleanup did not finish; exiting anyway"');
    // The cleanup's own bound fired, not the whole shutdown's.
    expect(ended.output).not.toContain("shutdown did not finish");
  }, 30_000);
});
