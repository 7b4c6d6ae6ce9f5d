import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, "..");
const depcruise = path.join(serverDir, "node_modules/.bin/depcruise");
const config = path.join(serverDir, ".dependency-cruiser.cjs");

let fixture: string | undefined;
afterEach(() => {
  if (fixture) rmSync(fixture, { recursive: true, force: true });
  fixture = undefined;
});

/** Runs the layer check (the one `pnpm check` runs) on a small source tree; answers the broken rules. */
async function brokenRules(files: Record<string, string>): Promise<string[]> {
  // Inside server/, so `hono` resolves to the real package as it does for src/.
  fixture = mkdtempSync(path.join(serverDir, ".layers-"));
  writeFileSync(
    path.join(fixture, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" }, include: ["src"] }),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
    writeFileSync(path.join(fixture, file), text);
  }
  const args = ["src", "--config", config, "--output-type", "json"];
  const output = await run(depcruise, args, { cwd: fixture }).then(
    (done) => done.stdout,
    (failed: { stdout: string }) => failed.stdout,
  );
  const result = JSON.parse(output) as { summary: { violations: { rule: { name: string }; from: string }[] } };
  return result.summary.violations.map((violation) => `${violation.rule.name} ${violation.from}`).sort();
}

describe("test/layers: the layer check in pnpm check", () => {
  it("passes a tree where doors call the core and the core calls the database", async () => {
    const broken = await brokenRules({
      "src/db/client.ts": "export const db = {};\n",
      "src/core/errors.ts": 'import { db } from "../db/client.js";\nexport const core = db;\n',
      "src/graphql/schema.ts": 'import { core } from "../core/errors.js";\nexport const schema = core;\n',
      "src/xwms/routes.ts":
        'import { Hono } from "hono";\nimport { core } from "../core/errors.js";\nexport const api = [Hono, core];\n',
    });
    expect(broken).toEqual([]);
  });

  it("fails when the core imports a door, hono, or when one door imports another", async () => {
    const broken = await brokenRules({
      "src/graphql/errors.ts": "export const gqlErrors = 1;\n",
      "src/xwms/envelope.ts": 'import { gqlErrors } from "../graphql/errors.js";\nexport const envelope = gqlErrors;\n',
      "src/core/errors.ts": 'import { gqlErrors } from "../graphql/errors.js";\nexport const core = gqlErrors;\n',
      "src/core/login.ts": 'import type { Context } from "hono";\nexport type Login = Context;\n',
    });
    expect(broken).toEqual([
      "core-imports-no-door src/core/errors.ts",
      "core-imports-no-transport-package src/core/login.ts",
      "doors-import-no-other-door src/xwms/envelope.ts",
    ]);
  });
});
