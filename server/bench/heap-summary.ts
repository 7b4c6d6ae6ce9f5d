import { readFileSync } from "node:fs";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};

/** Retained-by-self bytes and counts per constructor (or node type) in a V8 .heapsnapshot file. */
export function summariseHeapSnapshot(file: string): Map<string, { bytes: number; count: number }> {
  const snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const summary = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt] ?? 0] ?? "unknown";
    // Objects are grouped by constructor; strings, code and the rest by their V8 node type.
    const key = type === "object" ? (snapshot.strings[snapshot.nodes[i + nameAt] ?? 0] ?? "?") : `(${type})`;
    const entry = summary.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += snapshot.nodes[i + sizeAt] ?? 0;
    entry.count += 1;
    summary.set(key, entry);
  }
  return summary;
}

/** The constructors that grew most between two summaries, largest growth first. */
export function heapGrowth(
  before: Map<string, { bytes: number; count: number }>,
  after: Map<string, { bytes: number; count: number }>,
  top = 12,
): { name: string; bytes: number; count: number }[] {
  return [...after]
    .map(([name, entry]) => ({
      name,
      bytes: entry.bytes - (before.get(name)?.bytes ?? 0),
      count: entry.count - (before.get(name)?.count ?? 0),
    }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}

export const totalBytes = (summary: Map<string, { bytes: number }>) =>
  [...summary.values()].reduce((sum, entry) => sum + entry.bytes, 0);
