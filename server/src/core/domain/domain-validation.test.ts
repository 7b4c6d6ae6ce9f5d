import { describe, expect, it } from "vitest";
import { rootDomainProblem, serverIpSchema, urlProblem } from "./domain-validation.js";

describe("src/core/domain/domain-validation", () => {
  it("accepts root domains and localhost", () => {
    for (const host of ["example.com", "shop.example.co.uk", "xn--bcher-kva.example", "localhost"]) {
      expect([host, rootDomainProblem(host)]).toEqual([host, null]);
    }
  });

  it("says what to fix in a host that is not a root domain", () => {
    expect(rootDomainProblem("")).toBe("Enter the root domain, for example example.com.");
    expect(rootDomainProblem("https://example.com")).toBe(
      "Enter the domain without https:// — for example example.com",
    );
    expect(rootDomainProblem("example.com/path")).toBe(
      "Enter only the domain, without a path — for example example.com",
    );
    expect(rootDomainProblem("example.com:8080")).toBe("Enter the domain without a port — for example example.com");
    expect(rootDomainProblem("intranet")).toBe("Enter a full domain with a dot, for example example.com.");
    expect(rootDomainProblem("bad_label.example")).toMatch(/^Enter a valid domain name/);
    expect(rootDomainProblem(`${"a".repeat(250)}.com`)).toBe("A domain name can have at most 253 characters.");
  });

  it("accepts https URLs and http only for a developer's own machine", () => {
    expect(urlProblem("https://example.com/callback")).toBeNull();
    expect(urlProblem("http://localhost:3000/cb")).toBeNull();
    expect(urlProblem("http://example.com/cb")).toMatch(/^Use https:\/\//);
    expect(urlProblem("ftp://example.com/")).toMatch(/^Only https:\/\//);
    expect(urlProblem("https://u:p@example.com/")).toBe("The URL cannot contain a user name or password.");
    expect(urlProblem("https://example.com/#x")).toBe("The URL cannot contain a #fragment.");
    expect(urlProblem("example.com")).toMatch(/^Enter a full URL/);
  });

  it("normalises the IP allowlist and refuses entries that are not addresses", () => {
    expect(serverIpSchema.parse(" 203.0.113.7 ,2001:db8::1")).toBe("203.0.113.7, 2001:db8::1");
    expect(serverIpSchema.parse("")).toBeNull();
    expect(serverIpSchema.parse(null)).toBeNull();
    const refused = serverIpSchema.safeParse("10.0.0.1, 999.1.1.1");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      "Not an IP address: 999.1.1.1. Enter IPv4 or IPv6 addresses separated by commas.",
    );
  });
});
