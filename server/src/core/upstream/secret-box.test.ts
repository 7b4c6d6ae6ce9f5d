import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box.js";

describe("core/upstream/secret-box", () => {
  it("opens what it sealed, with a fresh IV each time", () => {
    const a = sealSecret("key-one", "GOCSPX-secret");
    const b = sealSecret("key-one", "GOCSPX-secret");
    expect(a).not.toBe(b);
    expect(a).not.toContain("GOCSPX");
    expect(openSecret("key-one", a)).toBe("GOCSPX-secret");
  });

  it("refuses another key and a tampered value", () => {
    const sealed = sealSecret("key-one", "GOCSPX-secret");
    expect(() => openSecret("key-two", sealed)).toThrow();
    const parts = sealed.split(".");
    const flipped = `${parts[3]?.startsWith("A") ? "B" : "A"}${parts[3]?.slice(1)}`;
    expect(() => openSecret("key-one", [parts[0], parts[1], parts[2], flipped].join("."))).toThrow();
  });
});
