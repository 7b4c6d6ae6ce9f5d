import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import type { Config } from "../config.js";
import { XWMS_ENDPOINTS } from "./endpoints.js";

const clientHeaders = z.object({
  "x-client-id": z.string().meta({ description: "The client's id." }),
  "x-client-secret": z.string().meta({ description: "A secret of the client, linked to the domain." }),
  "x-client-domain": z.string().meta({ description: "A registered root domain of the client, or its domain ID." }),
});

const envelopeOf = (status: "success" | "error") =>
  z
    .object({ status: z.literal(status), message: z.string(), data: z.record(z.string(), z.unknown()) })
    .meta({ id: status === "success" ? "SuccessEnvelope" : "ErrorEnvelope" });
// One instance each: the same id on two instances is refused.
const envelope = { success: envelopeOf("success"), error: envelopeOf("error") };

const errorAnswer = (description: string) => ({
  description,
  content: { "application/json": { schema: envelope.error } },
});

/** OpenAPI 3.1 for /api, generated from the route table and the zod schemas that validate each body. */
export function openApiDocument(config: Pick<Config, "publicUrl">) {
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of XWMS_ENDPOINTS) {
    const operation: ZodOpenApiOperationObject = {
      summary: endpoint.summary,
      ...(endpoint.clientAuth ? { requestParams: { header: clientHeaders } } : {}),
      ...(endpoint.body ? { requestBody: { content: { "application/json": { schema: endpoint.body } } } } : {}),
      responses: {
        "200": { description: "Success", content: { "application/json": { schema: envelope.success } } },
        "400": errorAnswer("The body is invalid; data.errors names each field"),
        ...(endpoint.clientAuth
          ? { "401": errorAnswer("Missing or wrong client credentials"), "403": errorAnswer("Not allowed") }
          : {}),
        "429": errorAnswer("Too many requests; see Retry-After"),
      },
    };
    const path = `/api${endpoint.path}`;
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation };
  }
  paths["/api/openapi.json"] = {
    get: {
      summary: "This OpenAPI document",
      responses: { "200": { description: "OpenAPI 3.1 JSON" } },
    },
  };
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Gatehouse XWMS-compatible API",
      version: "v.2",
      description: "Every answer is the envelope {status, message, data}. Base URL ends in /api/.",
    },
    servers: [{ url: config.publicUrl }],
    paths,
  });
}
