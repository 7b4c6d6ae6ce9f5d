import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("src/config", () => {
  it("works out of the box on an embedded SQLite file", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "development",
      host: "127.0.0.1",
      port: 3000,
      databaseUrl: "file:.data/gatehouse.db",
      publicUrl: "http://localhost:3000",
      loginTokenTtlSeconds: 600,
      seedDemo: true,
    });
  });

  it("never seeds demo data in production unless asked", () => {
    expect(loadConfig({ NODE_ENV: "production" }).seedDemo).toBe(false);
  });

  it("drops a trailing slash from PUBLIC_URL", () => {
    expect(loadConfig({ PUBLIC_URL: "https://id.example.com/" }).publicUrl).toBe("https://id.example.com");
  });

  it("reads TRUST_PROXY as a number of trusted proxy hops", () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: "yes" })).toThrowError(/TRUST_PROXY/);
  });

  it("keeps webhooks off private addresses unless WEBHOOK_ALLOW_PRIVATE is set", () => {
    expect(loadConfig({}).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: "true" }).webhookAllowPrivate).toBe(true);
  });

  it("names every bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", PUBLIC_URL: "nope" })).toThrowError(
      /PORT[\s\S]*DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\/[\s\S]*PUBLIC_URL/,
    );
  });

  it("reads upstream Google and Microsoft from UPSTREAM_* pairs, refusing half a pair", () => {
    expect(loadConfig({}).upstreamProviders).toEqual([]);
    const both = loadConfig({
      UPSTREAM_GOOGLE_CLIENT_ID: "g-id",
      UPSTREAM_GOOGLE_CLIENT_SECRET: "g-secret",
      UPSTREAM_MICROSOFT_CLIENT_ID: "m-id",
      UPSTREAM_MICROSOFT_CLIENT_SECRET: "m-secret",
      UPSTREAM_MICROSOFT_TENANT: "consumers",
    }).upstreamProviders;
    expect(both.map((provider) => [provider.preset, provider.clientId, provider.tenant])).toEqual([
      ["GOOGLE", "g-id", undefined],
      ["MICROSOFT", "m-id", "consumers"],
    ]);
    expect(() => loadConfig({ UPSTREAM_GOOGLE_CLIENT_ID: "g-id" })).toThrowError(/UPSTREAM_GOOGLE_CLIENT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", UPSTREAM_GOOGLE_ISSUER: "http://127.0.0.1:9" })).toThrowError(
      /UPSTREAM_GOOGLE_ISSUER/,
    );
  });

  it("sets SQLite's synchronous to NORMAL unless SQLITE_SYNCHRONOUS asks for FULL", () => {
    expect(loadConfig({}).sqliteSynchronous).toBe("normal");
    expect(loadConfig({ SQLITE_SYNCHRONOUS: "full" }).sqliteSynchronous).toBe("full");
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: "off" })).toThrowError(/SQLITE_SYNCHRONOUS/);
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: "FULL" })).toThrowError(/SQLITE_SYNCHRONOUS/);
  });

  it("leaves the hot path's pool size to the database's place unless DATABASE_HOT_POOL_SIZE names one", () => {
    expect(loadConfig({}).databaseHotPoolSize).toBeUndefined();
    expect(loadConfig({ DATABASE_HOT_POOL_SIZE: "4" }).databaseHotPoolSize).toBe(4);
    expect(() => loadConfig({ DATABASE_HOT_POOL_SIZE: "0" })).toThrowError(/DATABASE_HOT_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_HOT_POOL_SIZE: "many" })).toThrowError(/DATABASE_HOT_POOL_SIZE/);
  });
});
