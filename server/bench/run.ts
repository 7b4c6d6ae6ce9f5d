/**
 * `pnpm bench`: Gatehouse's hot paths on SQLite and PostgreSQL (one instance each), in `pnpm start`'s mode,
 * in production mode and through tsx, beside a bare Node ceiling and the oidc-provider peer, all in one run
 * on this machine. Writes docs/benchmarks.md. Build first (`pnpm build`): the compiled modes run dist/.
 */
import { rmSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import autocannon from "autocannon";
import { type DemoCredentials, demoCredentialsFile } from "../src/seed/demo.js";
import { freshDatabase } from "../test/databases.js";
import { startInstance } from "../test/instances.js";
import { benchEnv, demoAndPerson, headers, oauthForm, REDIRECT, startTarget } from "./processes.js";
import { type Figure, table, writeReport } from "./report.js";
import { PEER_CLIENT } from "./targets.js";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Shutdown's own bound is two grace periods of 10 s; past that the instance is killed and reported. */
const STOP_TIMEOUT_MS = 30_000;
const hung: string[] = [];
const profileDir = process.env.BENCH_PROFILE_DIR;
/** BENCH_WORKLOADS="client_credentials /oauth/token,introspection" runs only those rows (a quick smoke run). */
const workloads = process.env.BENCH_WORKLOADS?.split(",");

/**
 * Every row first runs its workload unmeasured for this long, the ceiling and the peer included: what is measured is
 * a warm server (its JIT has compiled the path) and a warm load generator, not the seconds after a process started.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);

/** autocannon's `warmup` option: the same requests, discarded from the result (@types/autocannon lacks it). */
type WithWarmup = autocannon.Options & { warmup?: { connections: number; duration: number } };

const load = (url: string, options: Partial<autocannon.Options>) =>
  autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    ...(WARMUP_SECONDS > 0 ? { warmup: { connections: CONNECTIONS, duration: WARMUP_SECONDS } } : {}),
    ...options,
  } as WithWarmup);

function figure(label: string, workload: string, result: autocannon.Result): Figure {
  const { average } = result.requests;
  const { average: mean, p50, p99 } = result.latency;
  return { label, workload, rps: average, mean, p50, p99, errors: result.errors + result.non2xx + result.timeouts };
}

/** A full profile, as most people have: get/user/info then releases every field, the country included. */
const FILL_PROFILE = `mutation P($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename } }`;
const PROFILE = {
  givenName: "Ada",
  familyName: "Lovelace",
  birthDate: "1990-12-10T00:00:00.000Z",
  gender: "female",
  countryCode: "NL",
};

const COMPLETE_LOGIN =
  "mutation B($input: CompleteLoginInput!) { completeLogin(input: $input) { __typename ... on CompleteLoginSuccess { data { redirectUrl } } } }";

type Context = Record<string, string>;

/** sign-token, the browser's approval (GraphQL), sign-token-verify: three requests per round trip. */
function loginRoundTrip(url: string, demo: DemoCredentials, cookie: string) {
  const requests = [
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
        body: JSON.stringify({ query: COMPLETE_LOGIN, variables: { input: { token: context.token, approve: true } } }),
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
  ];
  return load(url, { requests: requests as autocannon.Request[] });
}

type Mode = "start" | "production" | "tsx";

async function measure(dialect: "sqlite" | "postgresql", mode: Mode): Promise<Figure[]> {
  const label = `${dialect === "sqlite" ? "SQLite" : "PostgreSQL"}, ${mode}`;
  const database = await freshDatabase(dialect);
  const instance = await startInstance(
    benchEnv(database.url, mode === "start" ? "development" : "production"),
    // BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of each instance (open it in Chrome DevTools).
    {
      compiled: mode !== "tsx",
      nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
      // The request log is read and dropped: buffering a line per request would tax the load generator.
      keepOutput: false,
    },
  );
  try {
    const url = instance.baseUrl;
    // One consenting user with a full profile, whose session approves every login and whose sub get/user/info reads.
    const { demo, person } = await demoAndPerson(instance, database.url);
    const filled = await person.browser.graphql<{ updateProfile: { __typename: string } }>(FILL_PROFILE, {
      input: PROFILE,
    });
    if (filled.data?.updateProfile.__typename !== "UpdateProfileSuccess") {
      throw new Error(`the bench person's profile was not saved: ${JSON.stringify(filled)}`);
    }
    const body = (value: unknown) => ({ method: "POST" as const, headers: headers(demo), body: JSON.stringify(value) });
    const oauth = (form: string) => oauthForm(demo, form);
    // A token to introspect, issued the way every client_credentials run issues them.
    const issued = await fetch(`${url}/oauth/token`, oauth("grant_type=client_credentials"));
    const { access_token: accessToken } = (await issued.json()) as { access_token: string };
    const rows: [string, () => Promise<autocannon.Result>][] = [
      ["get/user/info", () => load(`${url}/api/get/user/info`, body({ sub: person.sub }))],
      ["sign-token", () => load(`${url}/api/sign-token`, body({ redirect_url: REDIRECT }))],
      ["login round trip (per request)", () => loginRoundTrip(url, demo, person.browser.cookieHeader())],
      ["/api/info", () => load(`${url}/api/info`, {})],
      ["client_credentials /oauth/token", () => load(`${url}/oauth/token`, oauth("grant_type=client_credentials"))],
      ["introspection", () => load(`${url}/oauth/introspect`, oauth(`token=${accessToken}`))],
    ];
    const figures: Figure[] = [];
    for (const [workload, run] of rows) {
      if (!workloads || workloads.includes(workload)) figures.push(figure(label, workload, await run()));
    }
    return figures;
  } finally {
    // An instance that does not exit after SIGTERM is a finding, not a reason for the whole bench to wait forever.
    const stopped = await Promise.race([instance.stop().then(() => true), delay(STOP_TIMEOUT_MS, false)]);
    if (!stopped) {
      hung.push(label);
      process.kill(instance.pid, "SIGKILL");
    }
    rmSync(demoCredentialsFile(database.url), { force: true });
    await database.drop();
  }
}

/** The issue's OIDC targets: client_credentials at ≥ 1.0× the peer, introspection at ≥ 2× get/user/info. */
function oidcRatios(all: Figure[], peerFigure: Figure): string[] {
  const labels = [...new Set(all.map((f) => f.label))];
  return labels.flatMap((label) => {
    const row = (workload: string) => all.find((f) => f.label === label && f.workload === workload);
    const issuance = row("client_credentials /oauth/token");
    const introspection = row("introspection");
    const userInfoRow = row("get/user/info");
    return [
      issuance
        ? `${label}: client_credentials at ${(issuance.rps / peerFigure.rps).toFixed(2)}× the peer (target ≥ 1.0).`
        : "",
      introspection && userInfoRow
        ? `${label}: introspection at ${(introspection.rps / userInfoRow.rps).toFixed(2)}× get/user/info (target ≥ 2).`
        : "",
    ];
  });
}

/** The bare server, measured before and after Gatehouse's rows: on a shared VM one measurement can be far off. */
async function measureCeiling(when: "before" | "after"): Promise<Figure> {
  const ceilingServer = await startTarget("ceiling");
  const measured = figure(
    `bare Node HTTP server (ceiling, ${when})`,
    "fixed JSON",
    await load(`http://127.0.0.1:${ceilingServer.port}/`, {}),
  );
  ceilingServer.stop();
  console.log(`ceiling ${when}: ${measured.rps.toFixed(0)} req/s`);
  return measured;
}

console.log(`Benchmarking: ${DURATION_SECONDS}s per run, ${CONNECTIONS} connections, autocannon.`);
const ceilingBefore = await measureCeiling("before");

const peerServer = await startTarget("peer");
const basic = Buffer.from(`${PEER_CLIENT.id}:${PEER_CLIENT.secret}`).toString("base64");
const peerResult = await load(`http://127.0.0.1:${peerServer.port}/token`, {
  method: "POST",
  headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
  body: "grant_type=client_credentials",
});
peerServer.stop();
const peer = figure("panva/oidc-provider 9 (peer)", "client_credentials /token", peerResult);

const figures: Figure[] = [peer];
const modes = (process.env.BENCH_MODES ?? "start,production,tsx").split(",") as Mode[];
const dialects = (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",") as ("sqlite" | "postgresql")[];
for (const dialect of dialects) {
  for (const mode of modes) {
    console.log(`measuring ${dialect}, ${mode}...`);
    figures.push(...(await measure(dialect, mode)));
  }
}
const ceilingAfter = await measureCeiling("after");
// Ratios are to the higher of the two ceilings: a ceiling that measured low cannot make a target look met.
const [top, otherCeiling] =
  ceilingBefore.rps >= ceilingAfter.rps ? [ceilingBefore, ceilingAfter] : [ceilingAfter, ceilingBefore];
const userInfo = figures.filter((f) => f.workload === "get/user/info" && f.label.startsWith("SQLite"));
const versusPeer = userInfo.map((f) => `${f.label}: ${(f.rps / peer.rps).toFixed(2)}× the peer`).join("; ");
const ratios = [versusPeer ? `\`get/user/info\` against the peer: ${versusPeer}.` : "", ...oidcRatios(figures, peer)];
const result = [table(top, [otherCeiling, ...figures]), ...ratios.filter(Boolean)].join("\n\n");
console.log(`\n${result}\n`);
writeReport(result, CONNECTIONS, DURATION_SECONDS, WARMUP_SECONDS);
console.log("Wrote docs/benchmarks.md");
const failed = figures.filter((f) => f.errors > 0);
if (hung.length)
  console.error(`Instances that did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM: ${hung.join(", ")}`);
if (failed.length || hung.length) {
  if (failed.length) console.error(`Requests failed in: ${failed.map((f) => `${f.label} / ${f.workload}`).join(", ")}`);
  process.exit(1);
}
