/**
 * `tsx bench/profile-summary.ts <file.cpuprofile> [top]`: the self time of a V8 CPU profile (as written by
 * `BENCH_PROFILE_DIR` or `node --cpu-prof`) by function and by package, to read beside the bench's figures.
 */
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}
const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);

/** node_modules/.pnpm/<pkg>@…/node_modules/<pkg>/… → <pkg>; our own files by path; V8 and Node by name. */
function packageOf(url: string): string {
  const match = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (match?.[1]) return match[1];
  if (url.includes("/server/")) return `gatehouse ${url.slice(url.indexOf("/server/") + 8)}`;
  return url.startsWith("node:") ? "node (internal)" : url || "(V8: GC, program, idle)";
}

const sum = (key: (node: Node) => string) => {
  const totals = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (node) totals.set(key(node), (totals.get(key(node)) ?? 0) + ms);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
};
const print = (title: string, rows: [string, number][]) => {
  console.log(`\n${title}`);
  for (const [name, ms] of rows) console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
};
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled`);
print(
  "self time by package",
  sum((node) => packageOf(node.callFrame.url)),
);
print(
  "self time by function",
  sum(
    ({ callFrame: f }) =>
      `${f.functionName || "(anonymous)"}  ${packageOf(f.url).replace(/^gatehouse /, "")}:${f.lineNumber + 1}`,
  ),
);
