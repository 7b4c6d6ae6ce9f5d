import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XWMS_ENDPOINTS } from "../src/xwms/endpoints.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
  components?: { schemas?: Record<string, unknown> };
};

const load = async () => {
  const response = await fetch(`${server.apiUrl}/openapi.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as Document;
};

describe("test/openapi: GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await load();
    expect(document.openapi).toBe("3.1.0");
    // The parser dereferences in place: give it a copy.
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("lists every /api route with its method", async () => {
    const document = await load();
    const listed = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const routes = [
      ...XWMS_ENDPOINTS.map((endpoint) => `${endpoint.method} /api${endpoint.path}`),
      "GET /api/openapi.json",
    ].sort();
    expect(listed).toEqual(routes);
    // Every route the table lists is really served, not a 404 envelope.
    for (const endpoint of XWMS_ENDPOINTS) {
      const response = await fetch(`${server.apiUrl}${endpoint.path}`, { method: endpoint.method });
      expect(response.status, endpoint.path).not.toBe(404);
    }
  });

  it("describes the address body with the same fields the validator accepts", async () => {
    const document = await load();
    const text = JSON.stringify(document.paths["/api/user/address"]?.post?.requestBody);
    for (const field of ["company_name", "house_number", "tax_nr", "registration_nr", "access_code", "street"]) {
      expect(text + JSON.stringify(document.components ?? {})).toContain(field);
    }
    expect(text).toContain("address_id");
    expect(JSON.stringify(document)).not.toContain("line1");
  });
});
