import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "./languages";
import { type Catalogue, resources } from "./resources";

/** "a.b.c" for every string in a catalogue. */
function keysOf(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [path] : [];
  });
}

const src = new URL("..", import.meta.url).pathname;
const namespaces = Object.keys(resources.en ?? {});

describe("web/src/i18n: every language has every message", () => {
  it("finds the English catalogues and each language Gatehouse speaks", () => {
    expect(namespaces).toContain("common");
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const language of LANGUAGES) {
    it(`${language} has exactly the namespaces and keys the others have`, () => {
      for (const other of LANGUAGES) {
        if (other === language) continue;
        const mine = resources[language] ?? {};
        const theirs = resources[other] ?? {};
        expect(Object.keys(mine).sort(), `namespaces of ${language} vs ${other}`).toEqual(Object.keys(theirs).sort());
        for (const namespace of Object.keys(theirs)) {
          const missing = keysOf(theirs[namespace] ?? {}).filter((key) => !keysOf(mine[namespace] ?? {}).includes(key));
          expect(missing, `${language}/${namespace}.json misses keys that ${other} has`).toEqual([]);
        }
      }
    });

    it(`${language} has no empty message`, () => {
      for (const [namespace, catalogue] of Object.entries(resources[language] ?? {})) {
        const empty = keysOf(catalogue).filter((key) => {
          const value = key
            .split(".")
            .reduce<Catalogue | string | undefined>(
              (node, part) => (typeof node === "object" ? node[part] : undefined),
              catalogue,
            );
          return typeof value !== "string" || value.trim() === "";
        });
        expect(empty, `${language}/${namespace}.json`).toEqual([]);
      }
    });
  }

  it('every t("...") key written in the source is in the English catalogue', () => {
    const english = new Map(
      namespaces.map((namespace) => [namespace, new Set(keysOf(resources.en?.[namespace] ?? {}))]),
    );
    const missing: string[] = [];
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, "utf8");
      // t() speaks the first namespace given to useTranslation in the file; "common" when there is none.
      const fileNamespace = /useTranslation\(\s*\[?\s*"([^"]+)"/.exec(text)?.[1] ?? "common";
      for (const match of text.matchAll(/\bt\(\s*"([^"]+)"|i18nKey="([^"]+)"/g)) {
        const written = match[1] ?? match[2] ?? "";
        const [namespace, key] = written.includes(":") ? written.split(":", 2) : [fileNamespace, written];
        const known = english.get(namespace ?? "");
        if (!known?.has(key ?? "") && !known?.has(`${key}_one`)) {
          missing.push(`${relative(src, file)}: ${written} (namespace ${namespace})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
