import { describe, expect, it } from "vitest";
import { type Figure, table } from "../bench/report.js";

const ceiling: Figure = {
  label: "ceiling",
  workload: "fixed JSON",
  rps: 40_000,
  mean: 1.25,
  p50: 1,
  p99: 3,
  errors: 0,
};
const row = (label: string, workload: string, rps: number, p99: number): Figure => ({
  label,
  workload,
  rps,
  mean: 50_000 / rps,
  p50: 1,
  p99,
  errors: 0,
});
const line = (markdown: string, label: string, workload: string) =>
  markdown.split("\n").find((l) => l.startsWith(`| ${label} | ${workload} |`));

describe("the bench table's verdicts", () => {
  const markdown = table(ceiling, [
    row("SQLite, start", "get/user/info", 8_000, 12),
    row("SQLite, start", "/api/info", 24_000, 9),
    row("PostgreSQL, start", "get/user/info", 2_000, 10),
    row("SQLite, start", "introspection", 12_000, 30),
  ]);

  it("judges the rate against the dialect's target and the p99 against three times the ceiling's", () => {
    expect(line(markdown, "SQLite, start", "get/user/info")).toBe(
      "| SQLite, start | get/user/info | 8000 | 0.200 (≥ 0.15 ✓) | 6.3 | 1 | 12 | 4.0× ✗ | 5.0× | 0 |",
    );
    expect(line(markdown, "SQLite, start", "/api/info")).toBe(
      "| SQLite, start | /api/info | 24000 | 0.600 (≥ 0.5 ✓) | 2.1 | 1 | 9 | 3.0× ✓ | 1.7× | 0 |",
    );
    expect(line(markdown, "PostgreSQL, start", "get/user/info")).toBe(
      "| PostgreSQL, start | get/user/info | 2000 | 0.050 (< 0.06 ✗) | 25.0 | 1 | 10 | 3.3× ✗ | 20.0× | 0 |",
    );
  });

  it("gives no verdict to a row the issue sets no target for", () => {
    expect(line(markdown, "SQLite, start", "introspection")).toBe(
      "| SQLite, start | introspection | 12000 | 0.300 | 4.2 | 1 | 30 | 10.0× | 3.3× | 0 |",
    );
    expect(line(markdown, "ceiling", "fixed JSON")).toBe(
      "| ceiling | fixed JSON | 40000 | 1.000 | 1.3 | 1 | 3 | 1.0× | 1.0× | 0 |",
    );
  });
});
