import { spawn } from "node:child_process";
import path from "node:path";
import {
  approveLogin,
  Browser,
  type ClientHeaders,
  callApi,
  REGISTER,
  SIGN_IN,
  withRegistrationProof,
} from "./harness.js";

const serverDir = path.resolve(import.meta.dirname, "..");

export type CliRun = { code: number | null; stdout: string; stderr: string; json: () => Record<string, unknown> };

/** Runs `gatehouse <args>` as a real child process, exactly as `pnpm gatehouse` does. */
export function runGatehouse(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/gatehouse.ts", ...args], {
      cwd: serverDir,
      env: { ...process.env, NODE_ENV: "test", INIT_CWD: serverDir, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) =>
      resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> }),
    );
  });
}

export const COMPLETE_SETUP = `mutation Setup($input: CompleteAdminSetupInput!) {
  completeAdminSetup(input: $input) {
    __typename
    ... on CompleteAdminSetupSuccess { data { id email platformRole } }
    ... on Error { message }
  }
}`;

export const VIEWER = `{ viewer { email platformRole } }`;

export const tokenOf = (setupUrl: string) => new URL(setupUrl).hash.replace(/^#token=/, "");

export async function signIn(baseUrl: string, email: string, password: string) {
  const browser = new Browser(baseUrl);
  const result = await browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, { input: { email, password } });
  return { browser, typename: result.data?.signIn.__typename };
}

/** A new person logs in to the partner through the hosted pages and consents; returns their sub. */
export async function partnerLogin(server: { baseUrl: string; apiUrl: string }, client: ClientHeaders) {
  const signToken = await callApi(server, "/sign-token", client, { redirect_url: "http://localhost:4567/cb" });
  if (signToken.status !== 200) throw new Error(`sign-token: ${JSON.stringify(signToken.body)}`);
  const token = String(signToken.body.data.token);
  const browser = new Browser(server.baseUrl);
  const email = `partner-person-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
  const registered = await browser.graphql<{ register: { __typename: string } }>(REGISTER, {
    input: await withRegistrationProof(server.baseUrl, {
      email,
      password: "correct horse battery",
      name: "Partner Person",
    }),
  });
  if (registered.data?.register.__typename !== "RegisterSuccess") throw new Error(JSON.stringify(registered));
  await approveLogin(browser, token);
  const verified = await callApi(server, "/sign-token-verify", client, { token });
  if (verified.status !== 200) throw new Error(`verify: ${JSON.stringify(verified.body)}`);
  return { sub: String(verified.body.data.sub), email, browser };
}
