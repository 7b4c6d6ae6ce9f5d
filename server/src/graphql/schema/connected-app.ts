import { ownAccountOnly } from "../../core/account/account-caller.js";
import { revokeConsent } from "../../core/account/consent.service.js";
import { ForbiddenError, NotAuthenticatedError, NotFoundError } from "../../core/errors.js";
import { builder } from "../builder.js";

/** Just enough of a client for the person it deals with, who is not a member and must not see the rest. */
export const AppSummary = builder.objectRef<{ id: string; name: string }>("AppSummary").implement({
  description: "A client as the people who use it see it: its id and name.",
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
});

const GrantedScope = builder.objectRef<{ key: string; description: string }>("GrantedScope").implement({
  fields: (t) => ({ key: t.exposeString("key"), description: t.exposeString("description") }),
});

const ConnectedApp = builder.prismaObject("Consent", {
  variant: "ConnectedApp",
  description: "A client the signed-in person consented to, with the scopes they granted.",
  authScopes: (consent, ctx) => ctx.viewer?.id === consent.userId,
  fields: (t) => ({
    id: t.exposeID("id"),
    client: t.field({
      type: AppSummary,
      select: { client: { select: { id: true, name: true } } },
      resolve: (consent) => consent.client,
    }),
    scopes: t.field({
      type: [GrantedScope],
      select: { scopes: { select: { scope: { select: { key: true, description: true } } } } },
      resolve: (consent) => consent.scopes.map((entry) => entry.scope).sort((a, b) => a.key.localeCompare(b.key)),
    }),
    grantedAt: t.expose("grantedAt", { type: "DateTime" }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    lastLoginAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "The person's last login through this client, if any.",
      select: (_args, ctx) => ({
        client: {
          select: { clientUsers: { where: { userId: ctx.viewer?.id ?? "" }, select: { lastLoginAt: true } } },
        },
      }),
      resolve: (consent) => consent.client.clientUsers[0]?.lastLoginAt ?? null,
    }),
  }),
});

builder.prismaObjectField("User", "connectedApps", (t) =>
  t.relation("consents", {
    type: ConnectedApp,
    authScopes: ownAccountOnly,
    description: "Clients the person consented to and has not revoked, newest first.",
    query: { where: { revokedAt: null }, orderBy: [{ grantedAt: "desc" }, { id: "asc" }] },
  }),
);

builder.mutationField("revokeConsent", (t) =>
  t.field({
    type: ConnectedApp,
    description: "Revokes a connected app's consent; its next login asks for consent again.",
    args: {
      input: t.arg({ type: builder.inputType("RevokeConsentInput", { fields: (f) => ({ consentId: f.id() }) }) }),
    },
    errors: { types: [NotAuthenticatedError, ForbiddenError, NotFoundError] },
    resolve: (_root, { input }, ctx) => revokeConsent({ ctx, consentId: String(input.consentId) }),
  }),
);
