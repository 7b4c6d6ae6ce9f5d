import { describe, expect, it } from "vitest";
import { backchannelUriAllowed, resourceServerAllowed } from "./client-urls.js";

const domains = [
  { rootDomain: "example.com", active: true, allowApi: false },
  { rootDomain: "api.example.net", active: true, allowApi: true },
  { rootDomain: "old.example.org", active: false, allowApi: true },
  { rootDomain: "localhost", active: true },
];

describe("backchannelUriAllowed", () => {
  it("takes https URIs on an active domain or its subdomains, and http only on loopback", () => {
    expect(backchannelUriAllowed("https://example.com/logout", domains)).toBe(true);
    expect(backchannelUriAllowed("https://app.example.com/bc", domains)).toBe(true);
    expect(backchannelUriAllowed("http://localhost:4000/bc", domains)).toBe(true);
  });

  it("refuses foreign hosts, look-alikes, inactive domains, plain http, fragments and credentials", () => {
    expect(backchannelUriAllowed("https://evil.com/logout", domains)).toBe(false);
    expect(backchannelUriAllowed("https://notexample.com/logout", domains)).toBe(false);
    expect(backchannelUriAllowed("https://example.com.evil.com/logout", domains)).toBe(false);
    expect(backchannelUriAllowed("https://old.example.org/logout", domains)).toBe(false);
    expect(backchannelUriAllowed("http://example.com/logout", domains)).toBe(false);
    expect(backchannelUriAllowed("https://example.com/logout#x", domains)).toBe(false);
    expect(backchannelUriAllowed("https://user:pw@example.com/logout", domains)).toBe(false);
    expect(backchannelUriAllowed("not a url", domains)).toBe(false);
  });
});

describe("resourceServerAllowed", () => {
  it("takes only URLs on active domains that allow API calls", () => {
    expect(resourceServerAllowed("https://api.example.net/", domains)).toBe(true);
    expect(resourceServerAllowed("https://v2.api.example.net/orders", domains)).toBe(true);
    expect(resourceServerAllowed("https://example.com/", domains)).toBe(false);
    expect(resourceServerAllowed("https://old.example.org/", domains)).toBe(false);
    expect(resourceServerAllowed("http://api.example.net/", domains)).toBe(false);
    expect(resourceServerAllowed("https://api.example.net.evil.com/", domains)).toBe(false);
  });
});
