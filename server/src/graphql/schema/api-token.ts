import { createApiToken, revokeApiToken } from "../../core/api-token/api-token.service.js";
import { apiTokenExpiry } from "../../core/auth/api-token.js";
import { ForbiddenError, NotAuthenticatedError, NotFoundError } from "../../core/errors.js";
import { builder } from "../builder.js";
import { identityProofErrors, identityProofFields } from "./identity-proof.js";

const ApiToken = builder.prismaObject("ApiToken", {
  authScopes: (token, ctx) => ctx.viewer?.id === token.userId,
  description: "A personal API token; its value is shown only once, when it is created.",
  fields: (t) => ({
    id: t.exposeID("id"),
    label: t.exposeString("label"),
    prefix: t.exposeString("prefix"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    expiresAt: t.field({ type: "DateTime", resolve: (token) => apiTokenExpiry(token) }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObjectField("User", "apiTokens", (t) =>
  t.relation("apiTokens", {
    authScopes: (user, _args, ctx) => ctx.viewer?.id === user.id,
    query: { orderBy: { createdAt: "desc" } },
  }),
);

const CreatedApiToken = builder.objectRef<{ token: { id: string }; value: string }>("CreatedApiToken").implement({
  fields: (t) => ({
    token: t.field({ type: ApiToken, resolve: (created) => created.token as never }),
    value: t.exposeString("value", { description: "The token itself. Shown this once; store it now." }),
  }),
});

builder.mutationField("createApiToken", (t) =>
  t.field({
    type: CreatedApiToken,
    args: {
      input: t.arg({
        type: builder.inputType("CreateApiTokenInput", {
          description: "Minting a token needs exactly one proof that it is the viewer: whichever of these they have.",
          fields: (f) => ({
            label: f.string(),
            ...identityProofFields(f),
            expiresAt: f.field({
              type: "DateTime",
              required: false,
              description: "At most 365 days away; 90 days from now when left out.",
            }),
          }),
        }),
      }),
    },
    errors: { types: [...identityProofErrors] },
    resolve: (_root, { input }, ctx) => createApiToken({ ctx, ...input }),
  }),
);

builder.mutationField("revokeApiToken", (t) =>
  t.field({
    type: ApiToken,
    args: { input: t.arg({ type: builder.inputType("RevokeApiTokenInput", { fields: (f) => ({ id: f.id() }) }) }) },
    errors: { types: [NotAuthenticatedError, ForbiddenError, NotFoundError] },
    resolve: (_root, { input }, ctx) => revokeApiToken({ ctx, id: String(input.id) }),
  }),
);
