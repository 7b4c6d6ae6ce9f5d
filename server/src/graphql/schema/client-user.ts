import { liveScopes, releasedFields, visibleToClient } from "../../core/consent/release.js";
import { builder } from "../builder.js";

const consentsOfUser = {
  user: {
    select: {
      consents: {
        where: { revokedAt: null },
        select: { clientId: true, revokedAt: true, scopes: { select: { scope: { select: { key: true } } } } },
      },
    },
  },
} as const;

type WithConsents = {
  clientId: string;
  user: { consents: { clientId: string; revokedAt: Date | null; scopes: { scope: { key: string } }[] }[] };
};

/** Whether the person's live consent for this client releases `field` (the same rule as the REST API). */
function releases(clientUser: WithConsents, field: "name" | "email"): boolean {
  return releasedFields(liveScopes(clientUser.user.consents, clientUser.clientId)).has(field);
}

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
      nullable: true,
      description: "Null unless a granted scope releases the name.",
      select: { user: { select: { name: true, ...consentsOfUser.user.select } } },
      resolve: (clientUser) => (releases(clientUser, "name") ? clientUser.user.name : null),
    }),
    email: t.string({
      nullable: true,
      description: "Null unless a granted scope releases the e-mail address.",
      select: { user: { select: { email: true, ...consentsOfUser.user.select } } },
      resolve: (clientUser) => (releases(clientUser, "email") ? clientUser.user.email : null),
    }),
    firstLoginAt: t.expose("firstLoginAt", { type: "DateTime" }),
    lastLoginAt: t.expose("lastLoginAt", { type: "DateTime" }),
    loginCount: t.exposeInt("loginCount"),
    isTestUser: t.exposeBoolean("isTestUser"),
  }),
});

builder.prismaObjectField("Client", "users", (t) =>
  t.prismaConnection({
    type: "ClientUser",
    cursor: "id",
    nullable: true,
    description:
      "People the client may read (a live consent), most recent login first; fields follow the granted scopes. Needs users:read.",
    authScopes: (client) => ({ can: { clientId: client.id, permission: "users:read" } }),
    totalCount: (client, _args, ctx) =>
      ctx.db.clientUser.count({ where: { clientId: client.id, user: visibleToClient(client.id) } }),
    resolve: (query, client, _args, ctx) =>
      ctx.db.clientUser.findMany({
        ...query,
        where: { clientId: client.id, user: visibleToClient(client.id) },
        orderBy: [{ lastLoginAt: "desc" }, { id: "desc" }],
      }),
  }),
);
