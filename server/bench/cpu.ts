/**
 * `pnpm bench:cpu`: server CPU per request, the figure behind an A/B decision. Starts one compiled Gatehouse
 * (build first) and the bare ceiling, loads each workload in rounds, and reads every thread's CPU time from /proc
 * around each round. Throughput moves with the machine's neighbours; CPU per request moves less, and it is
 * what a change to the hot path changes. To compare two builds, alternate their dist/ directories between runs.
 *
 *   CPU_DATABASE=sqlite|postgresql  CPU_WORKLOADS=info,user,sign (also token, introspect)  CPU_ROUNDS=3  CPU_SECONDS=5
 *   CPU_MODE=production  CPU_CONNECTIONS=50  CPU_NODE_ARGS="--max-semi-space-size=32" (node flags for the server only)
 */
import { rmSync } from "node:fs";
import autocannon from "autocannon";
import { demoCredentialsFile } from "../src/seed/demo.js";
import { freshDatabase } from "../test/databases.js";
import { startInstance } from "../test/instances.js";
import { benchEnv, cpuMicros, demoAndPerson, headers, oauthForm, REDIRECT, startTarget } from "./processes.js";

const dialect = process.env.CPU_DATABASE === "postgresql" ? "postgresql" : "sqlite";
const workloads = (process.env.CPU_WORKLOADS ?? "info,user,sign").split(",");
const rounds = Number(process.env.CPU_ROUNDS ?? 3);
const seconds = Number(process.env.CPU_SECONDS ?? 5);

/** One round: the rate, the p99 and the server's CPU µs per answered request. */
async function round(pid: number, url: string, options: Partial<autocannon.Options> = {}) {
  const before = cpuMicros(pid);
  const result = await autocannon({
    url,
    connections: Number(process.env.CPU_CONNECTIONS ?? 50),
    duration: seconds,
    ...options,
  });
  const used = cpuMicros(pid) - before;
  const failed = result.errors + result.non2xx + result.timeouts;
  if (failed > 0) throw new Error(`${failed} requests to ${url} failed`);
  return {
    rps: Math.round(result.requests.average),
    cpuMicros: Math.round(used / result.requests.total),
    p99: result.latency.p99,
  };
}

const ceiling = await startTarget("ceiling");
try {
  for (let i = 0; i < rounds; i++)
    console.log("ceiling", JSON.stringify(await round(ceiling.pid, `http://127.0.0.1:${ceiling.port}/`)));
} finally {
  ceiling.stop();
}

const database = await freshDatabase(dialect);
const instance = await startInstance(
  benchEnv(database.url, process.env.CPU_MODE === "start" ? "development" : "production"),
  { compiled: true, keepOutput: false, nodeArgs: process.env.CPU_NODE_ARGS?.split(" ").filter(Boolean) ?? [] },
);
try {
  const { demo, person } = await demoAndPerson(instance, database.url);
  const post = (body: unknown) => ({ method: "POST" as const, headers: headers(demo), body: JSON.stringify(body) });
  const oauth = (form: string) => oauthForm(demo, form);
  const issued = await fetch(`${instance.baseUrl}/oauth/token`, oauth("grant_type=client_credentials"));
  const { access_token: accessToken } = (await issued.json()) as { access_token: string };
  const paths: Record<string, [string, Partial<autocannon.Options>]> = {
    info: ["/api/info", {}],
    user: ["/api/get/user/info", post({ sub: person.sub })],
    sign: ["/api/sign-token", post({ redirect_url: REDIRECT })],
    token: ["/oauth/token", oauth("grant_type=client_credentials")],
    introspect: ["/oauth/introspect", oauth(`token=${accessToken}`)],
  };
  for (let i = 0; i < rounds; i++) {
    for (const workload of workloads) {
      const [path, options] = paths[workload] ?? [];
      if (!path) throw new Error(`unknown workload ${workload}; one of ${Object.keys(paths).join(", ")}`);
      console.log(
        `${dialect} ${workload}`,
        JSON.stringify(await round(instance.pid, instance.baseUrl + path, options)),
      );
    }
  }
} finally {
  await instance.stop();
  rmSync(demoCredentialsFile(database.url), { force: true });
  await database.drop();
}
