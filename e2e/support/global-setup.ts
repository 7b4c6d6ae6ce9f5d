import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { FullConfig } from "@playwright/test";
import { ENV_ADMIN_PASSKEY, enrolDemoAdminPasskey } from "./demo-admin";
import { type DemoCredentials, ENV_DATABASE, ENV_DEMO, ENV_OUTBOX, ENV_URL } from "./env";

const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const startupTimeoutMs = 120_000;

const run = promisify(execFile);

/** A fresh database for the run: SQLite by default, PostgreSQL with GATEHOUSE_TEST_DATABASE=postgresql. */
async function freshDatabase(dataDir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.GATEHOUSE_TEST_DATABASE !== "postgresql") {
    return { url: `file:${join(dataDir, "db.sqlite")}`, drop: async () => {} };
  }
  const admin = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const name = `gatehouse_e2e_${Date.now().toString(36)}`;
  const connection = ["-h", admin.hostname, "-p", admin.port || "5432", "-U", admin.username || "postgres"];
  await run("createdb", [...connection, name]);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run("dropdb", [...connection, "--force", name]).then(() => {}) };
}

/**
 * Starts one Gatehouse server on a fresh database (it migrates, seeds the demo data and serves web/dist),
 * reads the demo client's credentials, and hands both to the tests through environment variables.
 * The returned function is the global teardown.
 */
export default async function globalSetup(config: FullConfig) {
  if (!existsSync(join(repoRoot, "web/dist/index.html"))) {
    throw new Error("web/dist is missing: build the SPA first with `pnpm --filter @gatehouse/web build`.");
  }

  const outputDir = config.projects[0]?.outputDir ?? join(repoRoot, "e2e/artifacts");
  mkdirSync(outputDir, { recursive: true });
  const logPath = join(outputDir, "server.log");

  const dataDir = await mkdtemp(join(tmpdir(), "gatehouse-e2e-"));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const database = await freshDatabase(dataDir);
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    PUBLIC_URL: url,
    // Mail of this run lands in its own outbox, which the journeys read like a mailbox.
    DEV_OUTBOX_DIR: join(dataDir, "outbox"),
    // As if behind one proxy, so a journey can come from another network with X-Forwarded-For;
    // requests without the header still count from the socket's address.
    TRUST_PROXY: "1",
  };

  const log = createWriteStream(logPath);
  // Its own process group, so teardown stops pnpm and the server under it together.
  const server = spawn("pnpm", ["--filter", "@gatehouse/server", "start"], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  const teardown = async () => {
    await stop(server);
    // pnpm may exit before the server under it has flushed its last log lines into the shared pipe.
    for (const stream of [server.stdout, server.stderr]) {
      stream?.unpipe(log);
      stream?.destroy();
    }
    log.end();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForInfo(url, server, logPath);
    const { stdout } = await run("pnpm", ["--silent", "demo:credentials"], { cwd: repoRoot, env });
    const demo = parseCredentials(stdout);
    process.env[ENV_URL] = url;
    process.env[ENV_OUTBOX] = join(dataDir, "outbox");
    process.env[ENV_DEMO] = JSON.stringify(demo);
    process.env[ENV_DATABASE] = database.url;
    process.env[ENV_ADMIN_PASSKEY] = await enrolDemoAdminPasskey(url, demo.adminEmail, demo.adminPassword);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForInfo(url: string, server: ChildProcess, logPath: string) {
  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `The Gatehouse server exited during start-up (${server.exitCode ?? server.signalCode}).\n${tail(logPath)}`,
      );
    }
    try {
      const response = await fetch(`${url}/api/info`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`GET ${url}/api/info did not answer 200 within ${startupTimeoutMs / 1000}s.\n${tail(logPath)}`);
}

function parseCredentials(stdout: string): DemoCredentials {
  // Take the last line that is a JSON object, in case a tool prints a notice first.
  const line = stdout
    .trim()
    .split("\n")
    .reverse()
    .find((candidate) => candidate.trim().startsWith("{"));
  if (!line) throw new Error(`pnpm demo:credentials printed no JSON object:\n${stdout}`);
  const demo = JSON.parse(line) as DemoCredentials;
  for (const key of ["clientId", "clientSecret", "domain", "apiUrl"] as const) {
    if (!demo[key]) throw new Error(`pnpm demo:credentials did not print ${key}:\n${stdout}`);
  }
  return demo;
}

/**
 * Stops pnpm and the Gatehouse server under it, and waits until every process of the group is gone: pnpm can
 * exit first, and the database is dropped right after this. A group still there after the server's grace
 * period (10 s) and a margin is killed.
 */
async function stop(server: ChildProcess) {
  if (server.pid === undefined) return;
  // Signal the group even if pnpm itself has exited: the server under it may still be running.
  signalGroup(server.pid, "SIGTERM");
  if (await groupGone(server.pid, 15_000)) return;
  signalGroup(server.pid, "SIGKILL");
  if (!(await groupGone(server.pid, 5_000))) console.warn(`e2e teardown: process group ${server.pid} outlived SIGKILL`);
}

/** Whether no running process of the group is left, polled until `ms` passes. */
async function groupGone(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!groupRunning(pgid)) return true;
    await sleep(100);
  }
  return false;
}

/**
 * Whether a process of the group still runs. On Linux from /proc, leaving out zombies: an exited server is
 * re-parented to PID 1, which in a container may reap it late, and signal 0 still reaches a zombie.
 */
function groupRunning(pgid: number): boolean {
  if (!existsSync("/proc/self/stat")) return probeGroup(pgid);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so read after the last ")".
    const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(group) === pgid && state !== "Z") return true;
  }
  return false;
}

function probeGroup(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function sleep(ms: number) {
  return new Promise((done) => setTimeout(done, ms));
}

function tail(path: string, lines = 40): string {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server output)";
  }
}
