import { releasesOf } from "../../core/consent/release.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import { disableClientScope, enableClientScope } from "../../core/scope/scope.service.js";
import { builder } from "../builder.js";
import { ScopeTierEnum } from "../enums.js";

/**
 * The platform's catalogue is the same for everyone; a client's private scope is reachable only through
 * that client (its members, or itself), never through the catalogue.
 */
export const ScopeType = builder.prismaObject("Scope", {
  authScopes: (scope) => (scope.ownerClientId ? { member: scope.ownerClientId } : true),
  fields: (t) => ({
    key: t.exposeString("key"),
    name: t.exposeString("name", { nullable: true, description: "Display name of a scope staff or a client added." }),
    description: t.exposeString("description"),
    tier: t.field({ type: ScopeTierEnum, resolve: (scope) => scope.tier }),
    releases: t.stringList({
      description: "Exactly the fields (or, for a private scope, the custom claims) this scope releases.",
      resolve: (scope) => releasesOf(scope),
    }),
    private: t.boolean({
      description: "A client's own scope, released only to that client.",
      resolve: (scope) => scope.ownerClientId !== null,
    }),
  }),
});

builder.queryField("scopes", (t) =>
  t.prismaField({
    type: [ScopeType],
    description: "The scope catalogue: every scope a client can enable.",
    authScopes: (_root, _args, ctx) => ctx.viewer !== null || ctx.actor.kind === "client",
    resolve: (query, _root, _args, ctx) =>
      ctx.db.scope.findMany({ ...query, where: { ownerClientId: null }, orderBy: [{ tier: "asc" }, { key: "asc" }] }),
  }),
);

/** A scope the client has enabled (or disabled again); only its members see it. */
const ClientScopeType = builder.prismaObject("ClientScope", {
  authScopes: (clientScope) => ({ member: clientScope.clientId }),
  fields: (t) => ({
    scope: t.relation("scope"),
    enabled: t.exposeBoolean("enabled"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField("Client", "scopes", (t) =>
  t.relation("scopes", {
    description: "Scopes the client has enabled or disabled.",
    authScopes: (client) => ({ member: client.id }),
    query: { orderBy: { scope: { key: "asc" } } },
  }),
);

const ClientScopeInput = builder.inputType("ClientScopeInput", {
  fields: (f) => ({ clientId: f.id(), scopeKey: f.string({ description: "A catalogue key, e.g. userinfo." }) }),
});

builder.mutationField("enableClientScope", (t) =>
  t.field({
    type: ClientScopeType,
    args: { input: t.arg({ type: ClientScopeInput }) },
    errors: { types: [NotFoundError, ForbiddenError, ValidationError] },
    resolve: (_root, { input }, ctx) =>
      enableClientScope({ ctx, clientId: String(input.clientId), scopeKey: input.scopeKey }),
  }),
);

builder.mutationField("disableClientScope", (t) =>
  t.field({
    type: ClientScopeType,
    args: { input: t.arg({ type: ClientScopeInput }) },
    errors: { types: [NotFoundError, ForbiddenError, ValidationError] },
    resolve: (_root, { input }, ctx) =>
      disableClientScope({ ctx, clientId: String(input.clientId), scopeKey: input.scopeKey }),
  }),
);
