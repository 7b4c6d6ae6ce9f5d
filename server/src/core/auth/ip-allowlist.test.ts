import { describe, expect, it } from "vitest";
import { allowlistEntries, invalidAllowlistEntries, ipAllowed } from "./ip-allowlist.js";

describe("src/core/auth/ip-allowlist", () => {
  it("reads comma- and space-separated entries and drops empty ones", () => {
    expect(allowlistEntries(" 203.0.113.7 ,2001:db8::1,, 10.0.0.1 10.0.0.2")).toEqual([
      "203.0.113.7",
      "2001:db8::1",
      "10.0.0.1",
      "10.0.0.2",
    ]);
    expect(allowlistEntries(null)).toEqual([]);
    expect(allowlistEntries("")).toEqual([]);
  });

  it("names the entries that are not IP addresses", () => {
    expect(invalidAllowlistEntries(["10.0.0.1", "999.1.1.1", "example.com", "2001:db8::1"])).toEqual([
      "999.1.1.1",
      "example.com",
    ]);
  });

  it("lets every caller through an empty list, and only listed addresses through a list", () => {
    expect(ipAllowed(null, undefined)).toBe(true);
    expect(ipAllowed("", "198.51.100.1")).toBe(true);
    expect(ipAllowed("203.0.113.7, 127.0.0.1", "127.0.0.1")).toBe(true);
    expect(ipAllowed("203.0.113.7", "203.0.113.8")).toBe(false);
    expect(ipAllowed("203.0.113.7", "203.0.113.70")).toBe(false);
  });

  it("refuses a list when the caller's IP is unknown", () => {
    expect(ipAllowed("203.0.113.7", undefined)).toBe(false);
  });
});
