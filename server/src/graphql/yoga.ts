import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createYoga } from "graphql-yoga";
import type { Config } from "../config.js";
import type { Context } from "./context.js";
import { schema } from "./schema.js";

/** The header browsers cannot send cross-site without a CORS preflight, which Gatehouse never grants. */
export const CSRF_HEADER = "x-gatehouse-csrf";

export function createGraphqlHandler(config: Config) {
  return createYoga<Context>({
    schema,
    graphqlEndpoint: "/graphql",
    // The context is built by the HTTP layer and passed as server context.
    context: (serverContext) => serverContext,
    maskedErrors: true,
    graphiql: config.env !== "production",
    landingPage: false,
    logging: config.env === "test" ? false : "info",
    plugins: [useCSRFPrevention({ requestHeaders: [CSRF_HEADER] })],
  });
}
