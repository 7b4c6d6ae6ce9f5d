// Layer rules of the server (docs/architecture.md, "Server"): the core knows no transport, and no door knows another.
const DOORS = "graphql|xwms|hosted|oidc";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-no-door",
      comment: "The core holds the rules; doors (GraphQL, XWMS REST, hosted pages, OIDC) and http/ adapt them.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: `^src/(${DOORS}|http)/` },
    },
    {
      name: "core-imports-no-transport-package",
      comment: "No HTTP or GraphQL library in the core: errors, actors and services stay transport-free.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "node_modules/(hono|@hono/[^/]+|graphql-yoga|@graphql-yoga/[^/]+|@pothos/[^/]+|graphql)/" },
    },
    {
      name: "doors-import-no-other-door",
      comment: "A door reaches the domain through the core, never through another door.",
      severity: "error",
      from: { path: `^src/(${DOORS})/` },
      to: { path: `^src/(${DOORS})/`, pathNot: "^src/$1/" },
    },
    {
      name: "infrastructure-imports-no-door",
      comment: "db/, http/, rate-limit/ and mail/ sit beneath the doors.",
      severity: "error",
      from: { path: "^src/(db|http|rate-limit|mail)/" },
      to: { path: `^src/(${DOORS})/` },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
