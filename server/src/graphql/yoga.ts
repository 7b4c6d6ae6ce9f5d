import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createYoga } from "graphql-yoga";
import type { Config } from "../config.js";
import { refuseBadText } from "../http/text-guard.js";
import type { Context } from "./context.js";
import { CSRF_HEADER } from "./csrf.js";
import { useBodyReadByTheDoor } from "./request-body.js";
import { schema } from "./schema.js";

export function createGraphqlHandler(config: Config) {
  return createYoga<Context>({
    schema,
    graphqlEndpoint: "/graphql",
    // The context is built by the HTTP layer and passed as server context.
    context: (serverContext) => serverContext,
    maskedErrors: true,
    graphiql: config.env !== "production",
    landingPage: false,
    // CORS is decided by the HTTP layer (http/cors.ts): only the SPA's own origin.
    cors: false,
    logging: config.env === "test" ? false : "info",
    // The door (mount.ts) bounds the body (BODY_LIMIT_BYTES), accepts JSON only and reads it once; Yoga's own
    // limit would rebuild the request around a counting stream, and multipart uploads are not part of the API.
    maxRequestBodySize: false,
    multipart: false,
    plugins: [
      useBodyReadByTheDoor,
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      refuseBadText,
      // Depth, cost, alias and token limits: one request cannot ask for unbounded work.
      ...new EnvelopArmor({
        maxDepth: { n: 12 },
        costLimit: { maxCost: 20_000 },
        maxAliases: { n: 20 },
        maxDirectives: { n: 20 },
        maxTokens: { n: 5_000 },
        blockFieldSuggestion: { enabled: config.env === "production" },
      }).protect().plugins,
    ],
  });
}
