import { describe, expect, it } from "vitest";
import { redirectUriMatches } from "./redirect-match.js";

describe("core/oidc/redirect-match", () => {
  it("matches registered URIs exactly, nothing looser", () => {
    expect(redirectUriMatches("https://app.example.com/cb", "https://app.example.com/cb")).toBe(true);
    expect(redirectUriMatches("https://app.example.com/cb", "https://app.example.com/cb/")).toBe(false);
    expect(redirectUriMatches("https://app.example.com/cb", "https://app.example.com/cb?x=1")).toBe(false);
    expect(redirectUriMatches("https://app.example.com/cb", "https://app.example.com:8443/cb")).toBe(false);
    expect(redirectUriMatches("https://app.example.com/cb", "https://evil.example.com/cb")).toBe(false);
  });

  it("lets loopback hosts over http use any port, and only them", () => {
    expect(redirectUriMatches("http://localhost/callback", "http://localhost:53123/callback")).toBe(true);
    expect(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.1:8080/callback")).toBe(true);
    expect(redirectUriMatches("http://[::1]/callback", "http://[::1]:9000/callback")).toBe(true);
    expect(redirectUriMatches("http://localhost/callback", "http://localhost:53123/other")).toBe(false);
    expect(redirectUriMatches("http://localhost/callback", "http://127.0.0.1:53123/callback")).toBe(false);
    expect(redirectUriMatches("http://example.com/callback", "http://example.com:8080/callback")).toBe(false);
    expect(redirectUriMatches("https://localhost/callback", "https://localhost:8443/callback")).toBe(false);
  });
});
