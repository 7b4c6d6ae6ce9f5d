import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { sdkHeaders, startTestServer, type TestServer } from "./harness.js";

/** The caller IP the server reports back in /api/info, for a request with this X-Forwarded-For. */
async function reportedIp(server: TestServer, forwardedFor?: string): Promise<unknown> {
  const response = await fetch(`${server.apiUrl}/info`, {
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  });
  const body = (await response.json()) as { data: { client: { ip: unknown } } };
  return body.data.client.ip;
}

describe("test/client-ip: X-Forwarded-For behind one trusted proxy (TRUST_PROXY=true)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: "true" });
  });
  afterAll(() => server.close());

  it("takes the right-most hop, the one our proxy wrote, not what the caller put in front", async () => {
    expect(await reportedIp(server, "203.0.113.7")).toBe("203.0.113.7");
    expect(await reportedIp(server, "1.2.3.4, 203.0.113.7")).toBe("203.0.113.7");
    expect(await reportedIp(server, "1.2.3.4,5.6.7.8 ,  203.0.113.8")).toBe("203.0.113.8");
    // An IPv4-mapped IPv6 hop is reported as the IPv4 address.
    expect(await reportedIp(server, "1.2.3.4, ::ffff:198.51.100.20")).toBe("198.51.100.20");
  });

  it("falls back to the socket address when the hop is not an IP address", async () => {
    expect(await reportedIp(server, "1.2.3.4, not-an-ip")).toBe("127.0.0.1");
    expect(await reportedIp(server)).toBe("127.0.0.1");
  });

  it("a spoofed left-most entry does not pass a domain's IP allowlist", async () => {
    const partner = await createPartner(server.db, { domain: { serverIp: "203.0.113.50" } });
    const call = (forwardedFor: string) =>
      fetch(`${server.apiUrl}/sign-token`, {
        method: "POST",
        headers: { ...sdkHeaders(partner.credentials), "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ redirect_url: "https://example.com/callback" }),
      });
    const spoofed = await call("203.0.113.50, 198.51.100.1");
    expect(spoofed.status).toBe(403);
    expect(((await spoofed.json()) as { status: string }).status).toBe("error");
    const real = await call("198.51.100.1, 203.0.113.50");
    expect(real.status).toBe(200);
  });
});

describe("test/client-ip: a configured number of trusted hops", () => {
  it("TRUST_PROXY=2 takes the second hop from the right", async () => {
    const server = await startTestServer({ TRUST_PROXY: "2" });
    try {
      expect(await reportedIp(server, "6.6.6.6, 198.51.100.9, 10.0.0.2")).toBe("198.51.100.9");
      // A request that passed only the inner proxy: its one entry was written by that proxy.
      expect(await reportedIp(server, "198.51.100.10")).toBe("198.51.100.10");
    } finally {
      await server.close();
    }
  });

  it("without TRUST_PROXY the header is ignored", async () => {
    const server = await startTestServer();
    try {
      expect(server.config.trustProxy).toBe(0);
      expect(await reportedIp(server, "203.0.113.7")).toBe("127.0.0.1");
    } finally {
      await server.close();
    }
  });
});
