import { ownAccountOnly } from "../../core/account/account-caller.js";
import { createClient, deleteClient, renameClient, setPairwiseSubjects } from "../../core/client/client.service.js";
import { mayCreateClients } from "../../core/client/client-creation.js";
import { logoUrl } from "../../core/client/logo.service.js";
import { setBackchannelLogoutUri, setOidcPublicClient } from "../../core/client/oidc-settings.service.js";
import {
  ForbiddenError,
  NotAuthenticatedError,
  NotFoundError,
  PlanRequiredError,
  ValidationError,
} from "../../core/errors.js";
import { PERMISSIONS } from "../../core/role/built-in-roles.js";
import { builder } from "../builder.js";

const VerificationStatus = builder.enumType("VerificationStatus", { values: ["UNVERIFIED", "VERIFIED"] as const });
export const PermissionEnum = builder.enumType("Permission", {
  values: Object.fromEntries(
    PERMISSIONS.map((permission) => [permission.replace(":", "_").toUpperCase(), { value: permission }]),
  ),
});

builder.prismaObjectFields("User", (t) => ({
  canCreateClients: t.boolean({
    description: "Whether this person may create clients under the installation's CLIENT_CREATION policy.",
    authScopes: ownAccountOnly,
    resolve: (user, _args, ctx) => mayCreateClients(ctx.config.clientCreation, user),
  }),
}));

/** A client is visible only to its live members (and to itself, for partner tooling). */
export const ClientType = builder.prismaObject("Client", {
  authScopes: (client) => ({ member: client.id }),
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    verification: t.field({ type: VerificationStatus, resolve: (client) => client.verification }),
    pairwiseSubjects: t.boolean({
      description:
        "Whether OpenID Connect apps of this client see a pairwise sub per person instead of the public sub.",
      resolve: (client) => client.subjectType === "PAIRWISE",
    }),
    oidcPublic: t.boolean({
      description:
        "Whether this client's OpenID Connect apps are public (single-page or native): no secret, PKCE S256 required.",
      resolve: (client) => client.oidcPublic,
    }),
    backchannelLogoutUri: t.string({
      nullable: true,
      description: "Where OpenID Connect back-channel logout tokens are posted when a person signs out.",
      resolve: (client) => client.backchannelLogoutUri,
    }),
    logoUrl: t.string({
      nullable: true,
      description: "The uploaded logo the consent screen shows, served by Gatehouse; null when there is none.",
      resolve: (client, _args, ctx) => (client.logoId ? logoUrl(ctx.config.publicUrl, client.logoId) : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    myPermissions: t.field({
      type: [PermissionEnum],
      description: "What the caller may do in this client, for showing and hiding controls.",
      resolve: async (client, _args, ctx) => [...((await ctx.access.grant(client.id))?.permissions ?? [])],
    }),
    myRoleLevel: t.int({
      nullable: true,
      resolve: async (client, _args, ctx) => (await ctx.access.grant(client.id))?.level ?? null,
    }),
  }),
});

builder.queryField("clients", (t) =>
  t.prismaConnection({
    type: "Client",
    cursor: "id",
    description: "Clients the caller is a live member of (partner tooling: its own client).",
    resolve: (query, _root, _args, ctx) => {
      const now = new Date();
      const { actor } = ctx;
      if (actor.kind === "client") return ctx.db.client.findMany({ ...query, where: { id: actor.clientId } });
      if (!ctx.viewer) return [];
      return ctx.db.client.findMany({
        ...query,
        where: {
          members: {
            some: {
              userId: ctx.viewer.id,
              OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
              role: { status: "ACTIVE", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
            },
          },
        },
        orderBy: { createdAt: "asc" },
      });
    },
  }),
);

builder.queryField("client", (t) =>
  t.prismaField({
    type: "Client",
    nullable: true,
    args: { id: t.arg.id() },
    description: "One client, or null when it does not exist or the caller is not part of it.",
    resolve: async (query, _root, { id }, ctx) =>
      (await ctx.access.isMember(String(id)))
        ? ctx.db.client.findUnique({ ...query, where: { id: String(id) } })
        : null,
  }),
);

const clientErrors = [NotFoundError, ForbiddenError, ValidationError];

builder.mutationField("createClient", (t) =>
  t.field({
    type: ClientType,
    args: { input: t.arg({ type: builder.inputType("CreateClientInput", { fields: (f) => ({ name: f.string() }) }) }) },
    errors: { types: [NotAuthenticatedError, PlanRequiredError, ForbiddenError, ValidationError] },
    resolve: (_root, { input }, ctx) => createClient({ ctx, name: input.name }),
  }),
);

builder.mutationField("renameClient", (t) =>
  t.field({
    type: ClientType,
    args: {
      input: t.arg({
        type: builder.inputType("RenameClientInput", { fields: (f) => ({ clientId: f.id(), name: f.string() }) }),
      }),
    },
    errors: { types: clientErrors },
    resolve: (_root, { input }, ctx) => renameClient({ ctx, clientId: String(input.clientId), name: input.name }),
  }),
);

builder.mutationField("setClientPairwiseSubjects", (t) =>
  t.field({
    type: ClientType,
    description: "Switches pairwise OpenID Connect subjects on or off. Needs client:update.",
    args: {
      input: t.arg({
        type: builder.inputType("SetClientPairwiseSubjectsInput", {
          fields: (f) => ({ clientId: f.id(), pairwise: f.boolean() }),
        }),
      }),
    },
    errors: { types: clientErrors },
    resolve: (_root, { input }, ctx) =>
      setPairwiseSubjects({ ctx, clientId: String(input.clientId), pairwise: input.pairwise }),
  }),
);

builder.mutationField("setClientOidcPublic", (t) =>
  t.field({
    type: ClientType,
    description:
      "Marks the client's OpenID Connect apps as public (no secret, PKCE S256 required). Needs client:update.",
    args: {
      input: t.arg({
        type: builder.inputType("SetClientOidcPublicInput", {
          fields: (f) => ({ clientId: f.id(), publicClient: f.boolean() }),
        }),
      }),
    },
    errors: { types: clientErrors },
    resolve: (_root, { input }, ctx) =>
      setOidcPublicClient({ ctx, clientId: String(input.clientId), publicClient: input.publicClient }),
  }),
);

builder.mutationField("setClientBackchannelLogoutUri", (t) =>
  t.field({
    type: ClientType,
    description:
      "Sets or clears (null) the OpenID Connect back-channel logout URI, on one of the client's active domains. Needs client:update.",
    args: {
      input: t.arg({
        type: builder.inputType("SetClientBackchannelLogoutUriInput", {
          fields: (f) => ({ clientId: f.id(), uri: f.string({ required: false }) }),
        }),
      }),
    },
    errors: { types: clientErrors },
    resolve: (_root, { input }, ctx) =>
      setBackchannelLogoutUri({ ctx, clientId: String(input.clientId), uri: input.uri ?? null }),
  }),
);

const DeletedClient = builder.objectRef<{ id: string; name: string }>("DeletedClient").implement({
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
});

builder.mutationField("deleteClient", (t) =>
  t.field({
    type: DeletedClient,
    description: "Deletes the client and everything it owns. confirmName must equal the client's name.",
    args: {
      input: t.arg({
        type: builder.inputType("DeleteClientInput", {
          fields: (f) => ({ clientId: f.id(), confirmName: f.string() }),
        }),
      }),
    },
    errors: { types: clientErrors },
    resolve: (_root, { input }, ctx) =>
      deleteClient({ ctx, clientId: String(input.clientId), confirmName: input.confirmName }),
  }),
);
