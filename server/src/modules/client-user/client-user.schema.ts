import { builder } from "../../graphql/builder.js";

/** A person who logged in through the client; visible only with users:read (client credentials have it). */
export const ClientUserType = builder.prismaObject("ClientUser", {
  authScopes: (clientUser) => ({ can: { clientId: clientUser.clientId, permission: "users:read" } }),
  fields: (t) => ({
    id: t.exposeID("id"),
    sub: t.string({
      description: "The user's public id.",
      select: { user: { select: { sub: true } } },
      resolve: (clientUser) => clientUser.user.sub,
    }),
    name: t.string({
      select: { user: { select: { name: true } } },
      resolve: (clientUser) => clientUser.user.name,
    }),
    email: t.string({
      select: { user: { select: { email: true } } },
      resolve: (clientUser) => clientUser.user.email,
    }),
    firstLoginAt: t.expose("firstLoginAt", { type: "DateTime" }),
    lastLoginAt: t.expose("lastLoginAt", { type: "DateTime" }),
    loginCount: t.exposeInt("loginCount"),
    isTestUser: t.exposeBoolean("isTestUser"),
  }),
});

builder.prismaObjectField("Client", "users", (t) =>
  t.relatedConnection("clientUsers", {
    cursor: "id",
    nullable: true,
    totalCount: true,
    description: "People who logged in through the client, most recent login first. Needs users:read.",
    authScopes: (client) => ({ can: { clientId: client.id, permission: "users:read" } }),
    query: { orderBy: [{ lastLoginAt: "desc" }, { id: "desc" }] },
  }),
);
