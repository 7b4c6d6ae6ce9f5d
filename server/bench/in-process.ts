/**
 * `pnpm bench:in-process`: get/user/info's CPU without HTTP. Gatehouse runs in this process, and its server's request
 * listener is called with in-memory requests and responses, LANES at a time, so no socket, kernel or load generator
 * costs anything. Set beside `bench:cpu`'s figure, the difference is what HTTP and the socket cost per request.
 *
 *   CPU_DATABASE=sqlite|postgresql  LANES=50  CALLS=30000  ROUNDS=3
 */
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/http/logger.js";
import { createHttpServer } from "../src/http/serve.js";
import { demoCredentialsFile } from "../src/seed/demo.js";
import { prepareDatabase } from "../src/startup.js";
import { freshDatabase } from "../test/databases.js";
import { benchEnv, demoAndPerson, headers } from "./processes.js";

const lanes = Number(process.env.LANES ?? 50);
const calls = Number(process.env.CALLS ?? 30_000);
const rounds = Number(process.env.ROUNDS ?? 3);

const database = await freshDatabase(process.env.CPU_DATABASE === "postgresql" ? "postgresql" : "sqlite");
const outbox = mkdtempSync(path.join(tmpdir(), "gatehouse-in-process-outbox-"));
const config = loadConfig({
  ...benchEnv(database.url, "production"),
  PORT: "0",
  PUBLIC_URL: "http://localhost",
  DEV_OUTBOX_DIR: outbox,
});
const { db, close } = await prepareDatabase(config, { demo: true });
// main.ts's logger: buffered stdout, not a write per line.
const server = createHttpServer(createApp({ db, config, logger: createLogger() })).listen(0, "127.0.0.1");
await new Promise<void>((resolve) => server.once("listening", () => resolve()));
const baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
const instance = { baseUrl, apiUrl: `${baseUrl}/api`, pid: process.pid, output: () => "", stop: async () => {} };
// The person logs in over real HTTP once; the measured calls skip the socket.
const { demo, person } = await demoAndPerson(instance, database.url);

/** The parts of ServerResponse the fast path writes through. */
class MemoryResponse extends EventEmitter {
  headersSent = false;
  destroyed = false;
  status = 0;
  body = "";
  writeHead(status: number) {
    this.status = status;
    return this;
  }
  end(body: string) {
    this.body = body;
    this.headersSent = true;
    this.emit("finish");
  }
}

const body = Buffer.from(JSON.stringify({ sub: person.sub }));
const requestHeaders: Record<string, string> = {
  ...headers(demo),
  host: new URL(baseUrl).host,
  "content-length": String(body.length),
};
const listener = server.listeners("request")[0] as (request: unknown, response: unknown) => Promise<void>;

async function call() {
  const request = Object.assign(Readable.from([body], { objectMode: false }), {
    method: "POST",
    url: "/api/get/user/info",
    headers: requestHeaders,
    rawHeaders: Object.entries(requestHeaders).flat(),
    socket: { remoteAddress: "127.0.0.1" },
  });
  const response = new MemoryResponse();
  await listener(request, response);
  if (response.status !== 200) throw new Error(`get/user/info answered ${response.status}: ${response.body}`);
}

const inLanes = async (count: number) =>
  Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let i = 0; i < count / lanes; i++) await call();
    }),
  );

try {
  await inLanes(5_000); // the warm-up: V8 compiles the path
  for (let round = 0; round < rounds; round++) {
    const before = process.cpuUsage();
    await inLanes(calls);
    const used = process.cpuUsage(before);
    console.log(
      `get/user/info in process, ${lanes} lanes: ${((used.user + used.system) / calls).toFixed(1)} µs CPU per call`,
    );
  }
} finally {
  server.close();
  await close();
  rmSync(demoCredentialsFile(database.url), { force: true });
  rmSync(outbox, { recursive: true, force: true });
  await database.drop();
}
process.exit(0);
