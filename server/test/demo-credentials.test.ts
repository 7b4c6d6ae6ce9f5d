import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCredentialsFile } from "../src/seed/demo.js";
import { Browser, callApi, SIGN_IN } from "./harness.js";

const run = promisify(execFile);
const repoDir = path.resolve(import.meta.dirname, "../..");
let dir: string;
let databaseUrl: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "gatehouse-demo-"));
  databaseUrl = `file:${path.join(dir, "db.sqlite")}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const credentials = async (env: Record<string, string> = {}) => {
  const { stdout } = await run("pnpm", ["--silent", "demo:credentials"], {
    cwd: repoDir,
    env: { ...process.env, NODE_ENV: "development", DATABASE_URL: databaseUrl, ...env },
  });
  return JSON.parse(stdout) as Record<string, string>;
};

describe("test/demo-credentials: `pnpm --silent demo:credentials`", () => {
  it("creates the demo data when missing, prints one JSON object, and the same values the next time", async () => {
    const first = await credentials();
    expect(Object.keys(first).sort()).toEqual([
      "adminEmail",
      "adminPassword",
      "apiUrl",
      "clientId",
      "clientSecret",
      "domain",
      "domainId",
    ]);
    expect(first).toMatchObject({
      adminEmail: "admin@gatehouse.local",
      domain: "localhost",
      apiUrl: "http://localhost:3000/api/",
    });
    expect(first.clientSecret).toMatch(/^ghs_[A-Za-z0-9_-]{43}$/);
    expect(await credentials()).toEqual(first);
    expect(statSync(demoCredentialsFile(databaseUrl)).mode & 0o777).toBe(0o600);
  });

  it("prints credentials that work against a server on that database", async () => {
    const { startTestServer } = await import("./harness.js");
    const server = await startTestServer();
    try {
      const demo = server.demo;
      const signed = await callApi(server, "/sign-token", demo, { redirect_url: "http://localhost/cb" });
      expect(signed.status).toBe(200);
      const signIn = await new Browser(server.baseUrl).graphql<{ signIn: { __typename: string } }>(SIGN_IN, {
        input: { email: demo.adminEmail, password: demo.adminPassword },
      });
      expect(signIn.data?.signIn.__typename).toBe("SignInSuccess");
    } finally {
      await server.close();
    }
  });

  it("refuses to print anything in production mode", async () => {
    await expect(credentials({ NODE_ENV: "production" })).rejects.toMatchObject({
      stdout: "",
      stderr: expect.stringContaining("not available in production"),
    });
  });
});
