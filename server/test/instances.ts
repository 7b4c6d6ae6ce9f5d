import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const serverDir = path.resolve(import.meta.dirname, "..");

export type Instance = {
  baseUrl: string;
  apiUrl: string;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Starts a real server process and waits until it answers: `src/main.ts` through tsx, or with
 * `compiled` the built `dist/main.js` exactly as `pnpm start` runs it (the bench measures both).
 */
export async function startInstance(
  env: Record<string, string>,
  { compiled = false, nodeArgs = [] as string[], keepOutput = true, startTimeoutMs = 60_000 } = {},
): Promise<Instance> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  let output = "";
  // Without keepOutput the request log goes to a file, as an operator's `pnpm start > gatehouse.log` sends it: piped
  // into this process, every line would cost the load generator that shares it (the bench, the soak) CPU.
  const logFile = path.join(tmpdir(), `gatehouse-instance-${port}.log`);
  const logFd = keepOutput ? undefined : openSync(logFile, "w");
  const entry = [...nodeArgs, ...(compiled ? ["dist/main.js"] : ["--import", "tsx", "src/main.ts"])];
  const child: ChildProcess = spawn(process.execPath, entry, {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DEV_OUTBOX_DIR: path.join(tmpdir(), "gatehouse-instance-outbox"),
      ...env,
    },
    stdio: ["ignore", logFd ?? "pipe", "pipe"],
  });
  if (logFd !== undefined) closeSync(logFd);
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited early:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/info`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`instance did not start in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    apiUrl: `${baseUrl}/api`,
    pid: child.pid ?? 0,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      rmSync(logFile, { force: true });
    },
  };
}
