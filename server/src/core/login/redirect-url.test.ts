import { describe, expect, it } from "vitest";
import type { Domain, DomainUrl } from "../../generated/prisma/client.js";
import { failureRedirect, fallbackRedirect, redirectAllowed, withToken } from "./redirect-url.js";

const domain = (fields: Partial<Domain> = {}) => ({ rootDomain: "shop.example", testMode: false, ...fields }) as Domain;
const callback = (url: string, fields: Partial<DomainUrl> = {}) =>
  ({ url, kind: "CALLBACK", active: true, ...fields }) as DomainUrl;

describe("src/core/login/redirect-url", () => {
  it("accepts https on the root domain and its subdomains, and nothing else by host", () => {
    expect(redirectAllowed(domain(), [], "https://shop.example/cb")).toBe(true);
    expect(redirectAllowed(domain(), [], "https://app.SHOP.example/cb?x=1")).toBe(true);
    expect(redirectAllowed(domain(), [], "https://evilshop.example/cb")).toBe(false);
    expect(redirectAllowed(domain(), [], "https://shop.example.evil.test/cb")).toBe(false);
  });

  it("refuses credentials, fragments, other schemes and unparsable URLs", () => {
    expect(redirectAllowed(domain(), [], "https://user:pw@shop.example/cb")).toBe(false);
    expect(redirectAllowed(domain(), [], "https://shop.example/cb#token")).toBe(false);
    expect(redirectAllowed(domain(), [], "javascript://shop.example/%0aalert(1)")).toBe(false);
    expect(redirectAllowed(domain(), [], "not a url")).toBe(false);
  });

  it("allows plain http only for local hosts and domains in test mode", () => {
    expect(redirectAllowed(domain(), [], "http://shop.example/cb")).toBe(false);
    expect(redirectAllowed(domain({ testMode: true }), [], "http://shop.example/cb")).toBe(true);
    expect(redirectAllowed(domain({ rootDomain: "localhost" }), [], "http://localhost:8080/cb")).toBe(true);
  });

  it("accepts an active callback URL off the domain exactly, never an inactive one or a variant", () => {
    const url = "https://partner-callbacks.test/xwms";
    expect(redirectAllowed(domain(), [callback(url)], url)).toBe(true);
    expect(redirectAllowed(domain(), [callback(url)], `${url}/other`)).toBe(false);
    expect(redirectAllowed(domain(), [callback(url, { active: false })], url)).toBe(false);
    expect(redirectAllowed(domain(), [callback(url, { kind: "WEBHOOK" } as Partial<DomainUrl>)], url)).toBe(false);
  });

  it("adds the token to the query the partner URL already has", () => {
    expect(withToken("https://shop.example/cb?lang=nl", "t0k")).toBe("https://shop.example/cb?lang=nl&token=t0k");
  });

  it("follows a fallback URI only when it passes the redirect rule, with XWMS's message parameters", () => {
    const fallbackUri = "https://shop.example/failed";
    expect(fallbackRedirect({ ...domain({ fallbackUri }), urls: [] }, "Declined")).toBe(
      "https://shop.example/failed?xwmsmessage_status=error&xwmsmessage_message=Declined",
    );
    expect(fallbackRedirect({ ...domain({ fallbackUri: "https://evil.test/" }), urls: [] }, "x")).toBeUndefined();
    expect(fallbackRedirect({ ...domain({ fallbackUri: null }), urls: [] }, "x")).toBeUndefined();
  });
});

describe("src/core/login/redirect-url failureRedirect", () => {
  const message = "You declined";
  it("prefers the domain's fallback URI, as XWMS does", () => {
    const withFallback = { ...domain({ fallbackUri: "https://shop.example/failed" }), urls: [] };
    expect(failureRedirect(withFallback, "https://shop.example/cb", message)).toBe(
      "https://shop.example/failed?xwmsmessage_status=error&xwmsmessage_message=You+declined",
    );
  });

  it("without a fallback, returns to the app's redirect_url with the message and without a token", () => {
    const bare = { ...domain({ fallbackUri: null }), urls: [] };
    expect(failureRedirect(bare, "https://app.shop.example/cb?lang=nl&token=old", message)).toBe(
      "https://app.shop.example/cb?lang=nl&xwmsmessage_status=error&xwmsmessage_message=You+declined",
    );
  });

  it("never sends the browser to a redirect_url the domain no longer accepts", () => {
    const moved = { ...domain({ rootDomain: "other.example", fallbackUri: null }), urls: [] };
    expect(failureRedirect(moved, "https://shop.example/cb", message)).toBeUndefined();
    const offFallback = { ...domain({ fallbackUri: "https://evil.test/" }), urls: [] };
    expect(failureRedirect(offFallback, "https://shop.example/cb", message)).toContain("https://shop.example/cb?");
  });
});
