import { execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../src/db/url.js";

export type Figure = {
  label: string;
  workload: string;
  rps: number;
  /** Latencies in ms, as autocannon reports them: the mean to 0.01 ms, the percentiles in whole ms. */
  mean: number;
  p50: number;
  p99: number;
  errors: number;
};

/** The targets of issue 12 per workload: [SQLite, PostgreSQL] ratio to the ceiling. */
const TARGETS: Record<string, [number, number]> = {
  "get/user/info": [0.15, 0.06],
  "sign-token": [0.07, 0.04],
  "login round trip (per request)": [0.02, 0.015],
  "/api/info": [0.5, 0.5],
};

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  let postgres = "PostgreSQL (version unknown)";
  try {
    postgres = execSync("psql --version", { encoding: "utf8" }).trim();
  } catch {
    // psql is not installed; the server version is then unknown here
  }
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${postgres}`;
}

/** The latency target: a row's p99 at most this many times the ceiling's. */
const P99_FACTOR = 3;

/**
 * The load generator keeps every connection's request in flight, so connections = rate × (latency + the time a
 * request spends in the load generator) by Little's law: a row's mean latency is at most connections / rate, and
 * close to it once the server, not the generator, is the slower side. The queueing column, ceiling rate / rate,
 * is thus about how much longer this row's requests must wait than the ceiling's at the same concurrency; the
 * p99 factors follow it.
 */
export function table(ceiling: Figure, figures: Figure[]): string {
  const rows = [ceiling, ...figures].map((f) => {
    const target = TARGETS[f.workload]?.[f.label.startsWith("PostgreSQL") ? 1 : 0];
    const ratio = f.rps / ceiling.rps;
    const verdict = target === undefined ? "" : ratio >= target ? ` (≥ ${target} ✓)` : ` (< ${target} ✗)`;
    const p99 = ceiling.p99 > 0 ? `${(f.p99 / ceiling.p99).toFixed(1)}×` : "–";
    const p99Verdict = target === undefined || ceiling.p99 <= 0 ? "" : f.p99 <= P99_FACTOR * ceiling.p99 ? " ✓" : " ✗";
    const queueing = f.rps > 0 ? `${(ceiling.rps / f.rps).toFixed(1)}×` : "–";
    return `| ${f.label} | ${f.workload} | ${f.rps.toFixed(0)} | ${ratio.toFixed(3)}${verdict} | ${f.mean.toFixed(1)} | ${f.p50} | ${f.p99} | ${p99}${p99Verdict} | ${queueing} | ${f.errors} |`;
  });
  return [
    `| setup | workload | per second | ratio to ceiling (target) | mean ms | p50 ms | p99 ms | p99 / ceiling p99 (target ≤ ${P99_FACTOR}×) | queueing alone: ceiling rate / rate | errors |`,
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}

/** Rewrites docs/benchmarks.md above the notes marker; hand-written analysis below it survives each run. */
export function writeReport(result: string, connections: number, seconds: number, warmupSeconds: number): void {
  const warmup = warmupSeconds > 0 ? ` after ${warmupSeconds} s of the same load left unmeasured (the warm-up),` : "";
  const doc = `# Benchmarks

Measured by \`pnpm bench\` (server/bench/run.ts) in one run on one machine:
${machine()}; ${new Date().toISOString().slice(0, 10)}.

Each row: autocannon, ${connections} connections, ${seconds} s${warmup} against one server process. **start** is
\`pnpm start\`'s mode (compiled \`dist/main.js\`, \`NODE_ENV\` unset), **production** the same with
\`NODE_ENV=production\`, **tsx** the TypeScript sources through tsx (how \`pnpm start\` ran before). The ceiling (a
bare Node HTTP server answering a fixed JSON body) and the peer (panva/oidc-provider 9, in-memory,
\`client_credentials\` at \`/token\`) each run in their own process too. A **login round trip** is \`sign-token\`,
the browser's approval (\`completeLogin\` over GraphQL with a session cookie) and \`sign-token-verify\`; its rate
and latencies are per request. Everything shares the machine's cores with the load generator, so compare
ratios within one run only. The ceiling is measured before and after Gatehouse's rows; every ratio is to the higher
of the two (the first row), so a ceiling that happened to measure low cannot make a target look met.
autocannon keeps all ${connections} requests in flight, so a row's mean latency is ${connections} / its rate, less the
time each request spends in the load generator (Little's law; compare the mean ms column). The **queueing alone**
column, ceiling rate / rate, is therefore about how much longer a row's requests wait than the ceiling's at this
concurrency, and the p99 factors follow it: a row's p99 is within ${P99_FACTOR}× the ceiling's only where that column is
near ${P99_FACTOR} or below.

${result}
`;
  const docFile = path.join(repoRoot, "docs/benchmarks.md");
  const NOTES = "<!-- notes: kept by pnpm bench -->";
  let previous = "";
  try {
    previous = readFileSync(docFile, "utf8");
  } catch {
    // first run
  }
  const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES)) : `${NOTES}\n`;
  writeFileSync(docFile, `${doc}\n${notes}`);
}
