import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type DemoCredentials, demoCredentialsFile } from "../src/seed/demo.js";
import { approveLogin, callApi, registeredBrowser } from "../test/harness.js";
import type { Instance } from "../test/instances.js";

/** The callback every bench login names; the demo client's domain accepts it. */
export const REDIRECT = "http://localhost:4567/callback";

/** Runs `bench/targets.ts <which>` in its own process; resolves with its port and a stop function. */
export async function startTarget(which: "ceiling" | "peer"): Promise<{ port: number; pid: number; stop: () => void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "targets.ts"), which],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = chunk.toString().match(/PORT (\d+)/);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`${which} exited with ${code}`)));
  });
  return { port, pid: child.pid as number, stop: () => child.kill("SIGTERM") };
}

/**
 * The environment of a Gatehouse under load: the demo client seeded, and the limiters running but never refusing
 * (the load generator is one client hammering on purpose).
 */
export const benchEnv = (databaseUrl: string, nodeEnv: "development" | "production") => ({
  DATABASE_URL: databaseUrl,
  SEED_DEMO: "true",
  NODE_ENV: nodeEnv,
  API_REQUESTS_PER_MINUTE: "100000000",
  MUTATIONS_PER_MINUTE: "100000000",
});

/** The headers both XWMS SDKs send on every partner call. */
export const headers = (demo: DemoCredentials) => ({
  "x-client-id": demo.clientId,
  "x-client-secret": demo.clientSecret,
  "x-client-domain": demo.domain,
  "content-type": "application/json",
});

/** An OAuth form POST by the demo client, authenticated with HTTP Basic as an OIDC library sends it. */
export const oauthForm = (demo: DemoCredentials, form: string) => ({
  method: "POST" as const,
  headers: {
    authorization: `Basic ${Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString("base64")}`,
    "content-type": "application/x-www-form-urlencoded",
  },
  body: form,
});

/** CPU time (user and system, every thread) a process has used so far, in µs, from /proc (Linux). */
export function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime and stime: fields 14 and 15 of stat, indexes 11 and 12 after the command name; clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * The demo client's credentials from a seeded instance, and a person who logged in through it once and consented:
 * the sub get/user/info reads, and a signed-in browser that can approve more logins.
 */
export async function demoAndPerson(instance: Instance, databaseUrl: string) {
  const demo = JSON.parse(readFileSync(demoCredentialsFile(databaseUrl), "utf8")) as DemoCredentials;
  const person = await registeredBrowser(instance);
  const first = await callApi(instance, "/sign-token", demo, { redirect_url: REDIRECT });
  await approveLogin(person.browser, first.body.data.token as string);
  await callApi(instance, "/sign-token-verify", demo, { token: first.body.data.token });
  return { demo, person };
}
