import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "../src/db/url.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";

const serverDir = path.resolve(import.meta.dirname, "..");

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

type Process = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

/** `src/main.ts` as `pnpm start` runs it (test/instances.ts does not expose the exit code). */
function startMain(env: Record<string, string>): Process {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitUntilHealthy(baseUrl: string, running: Process): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (running.child.exitCode !== null) throw new Error(`exited early:\n${running.output()}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`did not start:\n${running.output()}`);
}

let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database?.drop());

describe(`test/shutdown (${TEST_DIALECT}): SIGTERM with a request in flight`, () => {
  it("finishes the request with 200, then exits 0", async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const running = startMain({
      DATABASE_URL: database.url,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      HOST: "127.0.0.1",
      SEED_DEMO: "false",
    });
    try {
      await waitUntilHealthy(baseUrl, running);
      const body = JSON.stringify({ query: "{ __typename }" });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          `${baseUrl}/graphql`,
          {
            method: "POST",
            agent: false,
            // The server confirms with 100 Continue once the request is in its handler; the body follows the signal.
            headers: {
              "content-type": "application/json",
              "content-length": String(body.length),
              expect: "100-continue",
            },
          },
          (response) => {
            let text = "";
            response.on("data", (chunk) => (text += chunk));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
          },
        );
        req.on("error", reject);
        // The body is sent only once the server has begun shutting down, so the request surely spans it.
        req.on("continue", () => {
          const sendBodyWhenClosing = (chunk: Buffer) => {
            if (!chunk.toString().includes('"message":"shutting down"')) return;
            running.child.stdout?.off("data", sendBodyWhenClosing);
            req.end(body);
          };
          running.child.stdout?.on("data", sendBodyWhenClosing);
          running.child.kill("SIGTERM");
        });
      });
      expect(await answer).toEqual({ status: 200, body: JSON.stringify({ data: { __typename: "Query" } }) });
      expect(await running.exit).toBe(0);
      const log = running.output();
      // In this order: shutdown began, the in-flight request finished, then the process stopped.
      const order = ['"message":"shutting down"', '"path":"/graphql","status":200', '"message":"stopped"'];
      const positions = order.map((marker) => log.indexOf(marker));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      await expect(fetch(`${baseUrl}/healthz`)).rejects.toThrow();
    } finally {
      running.child.kill("SIGKILL");
    }
  }, 90_000);
});

describe("test/shutdown: production start check", () => {
  it("refuses to start in production with an http public URL on a public interface", async () => {
    const port = await freePort();
    const running = startMain({
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: "0.0.0.0",
      PUBLIC_URL: "http://id.example.com",
    });
    expect(await running.exit).toBe(1);
    expect(running.output()).toContain("Gatehouse refuses to start in production mode");
    expect(running.output()).toContain("PUBLIC_URL must be https://");
    expect(running.output()).not.toContain("is listening");
  }, 90_000);

  it.runIf(TEST_DIALECT === "sqlite")(
    "refuses a world-readable SQLite file",
    async () => {
      chmodSync(sqliteFilePath(database.url), 0o644);
      const port = await freePort();
      const running = startMain({
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: `http://localhost:${port}`,
      });
      expect(await running.exit).toBe(1);
      expect(running.output()).toContain(`The SQLite file ${sqliteFilePath(database.url)} is readable by every user`);
      expect(running.output()).not.toContain("PUBLIC_URL must be https://");
    },
    90_000,
  );
});
