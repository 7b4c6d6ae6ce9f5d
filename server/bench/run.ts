/**
 * `pnpm bench`: login round trips and get/user/info on SQLite, PostgreSQL (one instance) and
 * PostgreSQL (two instances behind a round-robin balancer), each against a bare Node HTTP server
 * as the ceiling, all in one run on this machine. Writes docs/benchmarks.md.
 */
import { execSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { repoRoot } from "../src/db/url.js";
import { type DemoCredentials, demoCredentialsFile } from "../src/seed/demo.js";
import { freshDatabase } from "../test/databases.js";
import { approveLogin, callApi, registeredBrowser } from "../test/harness.js";
import { startInstance } from "../test/instances.js";
import { startLoadBalancer } from "./load-balancer.js";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const REDIRECT = "http://localhost:4567/callback";

type Figure = { label: string; workload: string; rps: number; p50: number; p99: number; errors: number };

async function load(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, ...options });
}

function figure(label: string, workload: string, result: autocannon.Result, requestsPerUnit = 1): Figure {
  return {
    label,
    workload,
    rps: result.requests.average / requestsPerUnit,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

async function ceiling(): Promise<Figure> {
  const body = JSON.stringify({ status: "success", message: "OK", data: { ok: true } });
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const result = await load(`http://127.0.0.1:${port}/`, {});
  server.close();
  return figure("bare Node HTTP server (ceiling)", "fixed JSON", result);
}

const headers = (demo: DemoCredentials) => ({
  "x-client-id": demo.clientId,
  "x-client-secret": demo.clientSecret,
  "x-client-domain": demo.domain,
  "content-type": "application/json",
});

const COMPLETE_LOGIN =
  "mutation B($input: CompleteLoginInput!) { completeLogin(input: $input) { __typename ... on CompleteLoginSuccess { data { redirectUrl } } } }";

type Context = Record<string, string>;

/** sign-token, the browser's approval (GraphQL), sign-token-verify: three requests per round trip. */
function loginRoundTrip(url: string, demo: DemoCredentials, cookie: string): Promise<autocannon.Result> {
  return load(url, {
    requests: [
      {
        method: "POST",
        path: "/api/sign-token",
        headers: headers(demo),
        body: JSON.stringify({ redirect_url: REDIRECT }),
        onResponse: (_status: number, body: string, context: Context) => {
          context.token = JSON.parse(body).data.token;
        },
      },
      {
        method: "POST",
        path: "/graphql",
        setupRequest: (request: autocannon.Request, context: Context) => ({
          ...request,
          headers: { "content-type": "application/json", "x-gatehouse-csrf": "1", cookie },
          body: JSON.stringify({
            query: COMPLETE_LOGIN,
            variables: { input: { token: context.token, approve: true } },
          }),
        }),
      },
      {
        method: "POST",
        path: "/api/sign-token-verify",
        setupRequest: (request: autocannon.Request, context: Context) => ({
          ...request,
          headers: headers(demo),
          body: JSON.stringify({ token: context.token }),
        }),
      },
    ] as autocannon.Request[],
  });
}

async function measure(label: string, dialect: "sqlite" | "postgresql", instances: number): Promise<Figure[]> {
  const database = await freshDatabase(dialect);
  const started = [];
  for (let i = 0; i < instances; i++) {
    started.push(
      await startInstance({
        DATABASE_URL: database.url,
        SEED_DEMO: "true",
        NODE_ENV: "production",
        // The load generator is one client hammering on purpose; the limiter still runs, it just never refuses.
        API_REQUESTS_PER_MINUTE: "100000000",
        MUTATIONS_PER_MINUTE: "100000000",
      }),
    );
  }
  const balancer =
    instances > 1
      ? await startLoadBalancer(started.map((instance) => Number(new URL(instance.baseUrl).port)))
      : undefined;
  try {
    const demo = JSON.parse(readFileSync(demoCredentialsFile(database.url), "utf8")) as DemoCredentials;
    const url = balancer ? `http://127.0.0.1:${balancer.port}` : (started[0]?.baseUrl ?? "");
    const target = { baseUrl: url, apiUrl: `${url}/api` };
    // One consenting user whose session approves every login, and whose sub get/user/info reads.
    const person = await registeredBrowser(target);
    const first = await callApi(target, "/sign-token", demo, { redirect_url: REDIRECT });
    await approveLogin(person.browser, first.body.data.token as string);
    await callApi(target, "/sign-token-verify", demo, { token: first.body.data.token });

    const login = await loginRoundTrip(url, demo, person.browser.cookieHeader());
    const info = await load(`${url}/api/get/user/info`, {
      method: "POST",
      headers: headers(demo),
      body: JSON.stringify({ sub: person.sub }),
    });
    return [figure(label, "login round trip (3 requests)", login, 3), figure(label, "get/user/info", info)];
  } finally {
    await balancer?.close();
    await Promise.all(started.map((instance) => instance.stop()));
    rmSync(demoCredentialsFile(database.url), { force: true });
    await database.drop();
  }
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const postgres = (() => {
    try {
      return execSync("psql --version", { encoding: "utf8" }).trim();
    } catch {
      return "PostgreSQL (version unknown)";
    }
  })();
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${postgres}`;
}

function table(ceilingFigure: Figure, figures: Figure[]): string {
  const rows = [ceilingFigure, ...figures].map(
    (f) =>
      `| ${f.label} | ${f.workload} | ${f.rps.toFixed(0)} | ${(f.rps / ceilingFigure.rps).toFixed(3)} | ${f.p50} | ${f.p99} | ${f.errors} |`,
  );
  return [
    "| setup | workload | per second | ratio to ceiling | p50 ms | p99 ms | errors |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}

// Ensure the SPA is not needed: the bench hits /api and /graphql only.
console.log(`Benchmarking: ${DURATION_SECONDS}s per run, ${CONNECTIONS} connections, autocannon.`);
const top = await ceiling();
console.log(`ceiling: ${top.rps.toFixed(0)} req/s`);
const figures: Figure[] = [];
for (const [label, dialect, instances] of [
  ["SQLite, 1 instance", "sqlite", 1],
  ["PostgreSQL, 1 instance", "postgresql", 1],
  ["PostgreSQL, 2 instances", "postgresql", 2],
] as const) {
  console.log(`measuring ${label}...`);
  figures.push(...(await measure(label, dialect, instances)));
}
const result = table(top, figures);
console.log(`\n${result}\n`);

const failed = figures.filter((f) => f.errors > 0);
const doc = `# Benchmarks

Measured by \`pnpm bench\` (server/bench/run.ts) in one run on one machine:
${machine()}; ${new Date().toISOString().slice(0, 10)}.

Each run: autocannon, ${CONNECTIONS} connections, ${DURATION_SECONDS} s. Instances run with \`NODE_ENV=production\`
(as \`pnpm start\` would, via tsx). Two instances sit behind a round-robin TCP balancer in the same process as
autocannon. A **login round trip** is \`sign-token\`, the browser's approval (\`completeLogin\` over GraphQL with a
session cookie) and \`sign-token-verify\`; its rate is requests per second divided by three, and its latencies are
per request. The **ratio** is the rate divided by the ceiling's: a bare Node HTTP server answering a fixed JSON body.
Everything (load generator, balancer, instances, PostgreSQL) shares the machine's cores, so compare the ratios,
not the absolute numbers, and only within one run.

${result}
`;
// Hand-written analysis below the marker survives each new run.
const docFile = path.join(repoRoot, "docs/benchmarks.md");
const NOTES = "<!-- notes: kept by pnpm bench -->";
const previous = (() => {
  try {
    return readFileSync(docFile, "utf8");
  } catch {
    return "";
  }
})();
const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES)) : `${NOTES}\n`;
writeFileSync(docFile, `${doc}\n${notes}`);
console.log("Wrote docs/benchmarks.md");
if (failed.length) {
  console.error(`Requests failed in: ${failed.map((f) => `${f.label} / ${f.workload}`).join(", ")}`);
  process.exit(1);
}
