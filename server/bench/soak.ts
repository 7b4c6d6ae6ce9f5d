/**
 * `pnpm soak`: one real server under mixed load (partner calls, GraphQL, hostile bodies) for
 * SOAK_SECONDS (600 by default), sampling its RSS and comparing heap snapshots taken after a
 * warm-up and at the end, so growth shows as a curve and as the objects that grew.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { demoCredentialsFile } from "../src/seed/demo.js";
import { freshDatabase } from "../test/databases.js";
import { startInstance } from "../test/instances.js";
import { heapGrowth, summariseHeapSnapshot, totalBytes } from "./heap-summary.js";
import { benchEnv, demoAndPerson, headers, REDIRECT } from "./processes.js";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const WARMUP_SECONDS = Math.min(60, Math.round(SECONDS / 10));
const SAMPLE_SECONDS = Math.max(5, Math.round(SECONDS / 20));
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 8);
const dialect = process.env.SOAK_DB === "postgresql" ? "postgresql" : "sqlite";
const MiB = 2 ** 20;

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks the server for a heap snapshot (it forces a full GC first) and waits until the file is complete. */
async function heapSnapshot(pid: number, dir: string): Promise<string> {
  const before = new Set(readdirSync(dir));
  process.kill(pid, "SIGUSR2");
  for (;;) {
    await sleep(500);
    const file = readdirSync(dir).find((name) => !before.has(name) && name.endsWith(".heapsnapshot"));
    if (!file) continue;
    const full = path.join(dir, file);
    try {
      summariseHeapSnapshot(full);
      return full;
    } catch {
      // still being written
    }
  }
}

const database = await freshDatabase(dialect);
const snapshots = mkdtempSync(path.join(tmpdir(), "gatehouse-soak-"));
const instance = await startInstance(
  {
    ...benchEnv(database.url, "production"),
    NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshots}`,
  },
  { keepOutput: false, startTimeoutMs: 300_000 },
);
try {
  const { demo, person } = await demoAndPerson(instance, database.url);
  const partner = headers(demo);
  const browser = {
    "content-type": "application/json",
    "x-gatehouse-csrf": "1",
    cookie: person.browser.cookieHeader(),
  };
  const requests: autocannon.Request[] = [
    { method: "GET", path: "/api/info" },
    { method: "POST", path: "/api/get/user/info", headers: partner, body: JSON.stringify({ sub: person.sub }) },
    { method: "POST", path: "/api/sign-token", headers: partner, body: JSON.stringify({ redirect_url: REDIRECT }) },
    {
      method: "POST",
      path: "/api/get/user/address",
      headers: partner,
      body: `{"sub":"${person.sub}","action":"list"}`,
    },
    { method: "POST", path: "/api/sign-token-verify", headers: partner, body: '{"token":{"length":{"toString":"x"}}}' },
    { method: "POST", path: "/api/get/user/info", headers: partner, body: '{"sub":"\\ud800"}' },
    { method: "POST", path: "/api/sign-token", headers: partner, body: "{not json" },
    { method: "POST", path: "/graphql", headers: browser, body: JSON.stringify({ query: "{ viewer { email } }" }) },
    {
      method: "POST",
      path: "/graphql",
      headers: browser,
      body: JSON.stringify({ query: "{ clients(first: 5) { edges { node { id name } } } }" }),
    },
    {
      method: "POST",
      path: "/graphql",
      headers: browser,
      body: JSON.stringify({ query: '{ client(id: "nope") { id } }' }),
    },
    { method: "POST", path: "/api/does/not/exist", headers: partner, body: "{}" },
  ];

  console.log(`Soak: ${SECONDS}s on ${dialect}, ${CONNECTIONS} connections, ${requests.length} request kinds.`);
  const samples: { at: number; rss: number }[] = [];
  const started = Date.now();
  const run = autocannon({ url: instance.baseUrl, connections: CONNECTIONS, duration: SECONDS, requests });
  let startHeap: string | undefined;
  const sampler = (async () => {
    while (Date.now() - started < SECONDS * 1000) {
      await sleep(SAMPLE_SECONDS * 1000);
      const at = Math.round((Date.now() - started) / 1000);
      if (at > SECONDS) break;
      samples.push({ at, rss: rssOf(instance.pid) });
      console.log(`  ${at}s rss ${(rssOf(instance.pid) / MiB).toFixed(0)} MiB`);
      if (!startHeap && at >= WARMUP_SECONDS) {
        startHeap = await heapSnapshot(instance.pid, snapshots);
        // Writing a snapshot costs the process memory of its own; the curve after it is what to compare.
        console.log(`  after the warm-up heap snapshot: rss ${(rssOf(instance.pid) / MiB).toFixed(0)} MiB`);
        samples.push({ at: -1, rss: rssOf(instance.pid) });
      }
    }
  })();
  const result = await run;
  await sampler;
  const endHeap = await heapSnapshot(instance.pid, snapshots);
  const before = summariseHeapSnapshot(startHeap ?? endHeap);
  const after = summariseHeapSnapshot(endHeap);

  console.log(`\nrequests ${result.requests.total}, ${result.requests.average.toFixed(0)}/s average`);
  console.log(`errors ${result.errors}, timeouts ${result.timeouts}`);
  console.log(`non-2xx ${result.non2xx} (expected: the hostile kinds answer 4xx)`);
  const statuses = Object.entries(result)
    .filter(([key]) => /^\dxx$/.test(key))
    .map(([key, count]) => `${key} ${count}`);
  console.log(`status classes: ${statuses.join(", ")}`);
  console.log("\n| seconds | RSS MiB |\n| ---: | ---: |");
  for (const sample of samples) {
    const when = sample.at < 0 ? "after heap snapshot" : String(sample.at);
    console.log(`| ${when} | ${(sample.rss / MiB).toFixed(0)} |`);
  }
  console.log(
    `\nheap after warm-up ${(totalBytes(before) / MiB).toFixed(1)} MiB, at the end ${(totalBytes(after) / MiB).toFixed(1)} MiB`,
  );
  console.log("largest growth by constructor:");
  for (const row of heapGrowth(before, after)) {
    console.log(
      `  ${(row.bytes / 1024).toFixed(0).padStart(8)} KiB ${String(row.count).padStart(8)} objects  ${row.name}`,
    );
  }
} finally {
  await instance.stop();
  rmSync(demoCredentialsFile(database.url), { force: true });
  await database.drop();
  rmSync(snapshots, { recursive: true, force: true });
}
