import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DemoCredentials } from "../src/seed/demo.js";
import { demoCredentialsFile } from "../src/seed/demo.js";
import { freshDatabase } from "./databases.js";
import { callApi } from "./harness.js";
import { type Instance, startInstance } from "./instances.js";
import { runGatehouse, signIn } from "./operator.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-backup-"));
  dirs.push(dir);
  return dir;
}

/** The restored copy must serve the same client, secret and person as the original. */
async function servesSame(instance: Instance, demo: DemoCredentials) {
  const client = { clientId: demo.clientId, clientSecret: demo.clientSecret, domain: demo.domain };
  const signToken = await callApi(instance, "/sign-token", client, { redirect_url: "http://localhost:4567/cb" });
  expect(signToken).toMatchObject({ status: 200, body: { status: "success", data: { client_id: demo.clientId } } });
  expect((await signIn(instance.baseUrl, demo.adminEmail, demo.adminPassword)).typename).toBe("SignInSuccess");
}

describe("test/operator-backup: SQLite online backup and restore", () => {
  it("backs up while serving under load, refuses to restore onto the running database, restores into a new file", async () => {
    const dir = scratch();
    const url = `file:${path.join(dir, "live.db")}`;
    const live = await startInstance({ DATABASE_URL: url, API_REQUESTS_PER_MINUTE: "100000" });
    const demo = JSON.parse(readFileSync(demoCredentialsFile(url), "utf8")) as DemoCredentials;
    const client = { clientId: demo.clientId, clientSecret: demo.clientSecret, domain: demo.domain };
    const backup = path.join(dir, "backup.db");
    try {
      // Writes (login tokens) keep coming while the backup runs.
      let stop = false;
      let served = 0;
      const load = Promise.all(
        Array.from({ length: 4 }, async () => {
          while (!stop) {
            const answer = await callApi(live, "/sign-token", client, { redirect_url: "http://localhost:4567/cb" });
            expect(answer.status).toBe(200);
            served++;
          }
        }),
      );
      const run = await runGatehouse(["db", "backup", backup, "--json"], { DATABASE_URL: url });
      const servedDuringBackup = served;
      stop = true;
      await load;
      expect(run.code).toBe(0);
      expect(servedDuringBackup).toBeGreaterThan(0);
      expect(statSync(backup).mode & 0o777).toBe(0o600);

      // The production guard: no restore over a database a live server uses.
      const refused = await runGatehouse(["db", "restore", backup, "--json"], { DATABASE_URL: url });
      expect(refused.code).toBe(1);
      expect(refused.json()).toMatchObject({ ok: false, error: { code: "refused" } });
      expect(String((refused.json() as { error: { message: string } }).error.message)).toContain("Stop every instance");
      await servesSame(live, demo);

      // A second backup onto an existing file is refused rather than overwriting it.
      expect((await runGatehouse(["db", "backup", backup], { DATABASE_URL: url })).code).toBe(1);
    } finally {
      await live.stop();
    }

    const restoredUrl = `file:${path.join(dir, "restored.db")}`;
    const restore = await runGatehouse(["db", "restore", backup], { DATABASE_URL: restoredUrl });
    expect(restore.code).toBe(0);
    expect(statSync(path.join(dir, "restored.db")).mode & 0o777).toBe(0o600);
    // No demo data is created on the copy: what serves is what was backed up.
    const restored = await startInstance({ DATABASE_URL: restoredUrl, SEED_DEMO: "false" });
    try {
      await servesSame(restored, demo);
    } finally {
      await restored.stop();
    }

    expect(
      (await runGatehouse(["db", "restore", path.join(dir, "missing.db")], { DATABASE_URL: restoredUrl })).code,
    ).toBe(1);
    expect(existsSync(path.join(dir, "restored.db"))).toBe(true);
  }, 300_000);

  it("refuses backup and restore on PostgreSQL, pointing at pg_dump", async () => {
    const run = await runGatehouse(["db", "backup", "/tmp/x.dump"], {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("pg_dump");
  }, 60_000);
});

describe("test/operator-backup: PostgreSQL pg_dump / pg_restore round trip", () => {
  it("a restored dump starts and serves the same client, secret and person", async () => {
    const source = await freshDatabase("postgresql");
    const target = await freshDatabase("postgresql");
    const dump = path.join(scratch(), "gatehouse.dump");
    try {
      const live = await startInstance({ DATABASE_URL: source.url });
      const demo = JSON.parse(readFileSync(demoCredentialsFile(source.url), "utf8")) as DemoCredentials;
      try {
        // Exactly the README's commands.
        execFileSync("pg_dump", ["-Fc", "--no-owner", "-f", dump, source.url]);
      } finally {
        await live.stop();
      }
      execFileSync("pg_restore", ["--no-owner", "--exit-on-error", "-d", target.url, dump]);
      const status = await runGatehouse(["db", "status", "--json"], { DATABASE_URL: target.url });
      expect(status.json()).toMatchObject({ ok: true, data: { pending: [], unknown: [] } });
      const restored = await startInstance({ DATABASE_URL: target.url, SEED_DEMO: "false" });
      try {
        await servesSame(restored, demo);
      } finally {
        await restored.stop();
      }
    } finally {
      rmSync(demoCredentialsFile(source.url), { force: true });
      await source.drop();
      await target.drop();
    }
  }, 300_000);
});
