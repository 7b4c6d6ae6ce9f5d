// Business scopes: staff add scopes to the catalogue; a client defines private scopes and sets their claims.

import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import { addCatalogueScope, definePrivateScope } from "../../core/scope/business-scope.service.js";
import { setScopeClaims } from "../../core/scope/scope-claims.service.js";
import { builder } from "../builder.js";
import { ScopeTierEnum } from "../enums.js";
import { ScopeType } from "./scope.js";

const errors = [NotFoundError, ForbiddenError, ValidationError, ConflictError];

builder.prismaObjectField("Client", "privateScopes", (t) =>
  t.prismaField({
    type: ["Scope"],
    description: "Scopes this client defined for itself, released only to it.",
    authScopes: (client) => ({ member: client.id }),
    resolve: (query, client, _args, ctx) =>
      ctx.db.scope.findMany({ ...query, where: { ownerClientId: client.id }, orderBy: { key: "asc" } }),
  }),
);

builder.mutationField("addCatalogueScope", (t) =>
  t.field({
    type: ScopeType,
    description: "Platform staff only: adds a scope to the catalogue, releasing the profile fields it names.",
    args: {
      input: t.arg({
        type: builder.inputType("AddCatalogueScopeInput", {
          fields: (f) => ({
            key: f.string(),
            name: f.string(),
            description: f.string({ description: "The consent text people read." }),
            tier: f.field({ type: ScopeTierEnum, required: true }),
            claims: f.stringList({ description: "Profile fields it releases, e.g. name, email, country." }),
          }),
        }),
      }),
    },
    errors: { types: errors },
    resolve: (_root, { input }, ctx) => addCatalogueScope({ ctx, input }),
  }),
);

builder.mutationField("definePrivateScope", (t) =>
  t.field({
    type: ScopeType,
    description:
      "Defines a scope of the client's own (key <clientId>:<name>), released only to it, with custom claims it sets per person. Needs scopes:manage.",
    args: {
      input: t.arg({
        type: builder.inputType("DefinePrivateScopeInput", {
          fields: (f) => ({
            clientId: f.id(),
            name: f.string({ description: "The key's own part, e.g. loyalty." }),
            displayName: f.string(),
            description: f.string({ description: "The consent text people read." }),
            claims: f.stringList({ description: "Names of the custom claims, e.g. loyalty_tier." }),
          }),
        }),
      }),
    },
    errors: { types: errors },
    resolve: (_root, { input }, ctx) =>
      definePrivateScope({
        ctx,
        clientId: String(input.clientId),
        input: {
          name: input.name,
          displayName: input.displayName,
          description: input.description,
          claims: input.claims,
        },
      }),
  }),
);

const ClaimValue = builder.objectRef<{ claim: string; value: string }>("ScopeClaimValue").implement({
  fields: (t) => ({ claim: t.exposeString("claim"), value: t.exposeString("value") }),
});

builder.mutationField("setScopeClaims", (t) =>
  t.field({
    type: [ClaimValue],
    description:
      "Sets custom claims of one of the client's private scopes for a person who consented to it; a null value clears a claim. The client (its credentials) or a member with scopes:manage.",
    args: {
      input: t.arg({
        type: builder.inputType("SetScopeClaimsInput", {
          fields: (f) => ({
            clientId: f.id(),
            scopeKey: f.string(),
            sub: f.string(),
            claims: f.field({
              type: [
                builder.inputType("ScopeClaimInput", {
                  fields: (g) => ({ claim: g.string(), value: g.string({ required: false }) }),
                }),
              ],
              required: true,
            }),
          }),
        }),
      }),
    },
    errors: { types: errors },
    resolve: async (_root, { input }, ctx) => {
      const values = Object.fromEntries(input.claims.map((entry) => [entry.claim, entry.value ?? null]));
      const result = await setScopeClaims({
        ctx,
        clientId: String(input.clientId),
        scopeKey: input.scopeKey,
        sub: input.sub,
        values,
      });
      return Object.entries(result).map(([claim, value]) => ({ claim, value }));
    },
  }),
);
