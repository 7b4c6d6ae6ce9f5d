import {
  cancelAccessRequest,
  type SentAccessRequest,
  sendAccessRequest,
} from "../../core/access-request/access-request.service.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import { builder } from "../builder.js";
import { AccessRequestKindEnum, AccessRequestStatusEnum } from "../enums.js";

/** The recipient, as far as the sending client needs to know them: the name only once they accepted. */
const AccessRequestRecipient = builder
  .objectRef<{ email: string; name: string | null }>("AccessRequestRecipient")
  .implement({
    fields: (t) => ({
      email: t.exposeString("email"),
      name: t.exposeString("name", { nullable: true, description: "Null until the person accepts." }),
    }),
  });

/** The neutral answer to sendAccessRequest: the sender's own input, whether or not the address has an account. */
const SentAccessRequestType = builder.objectRef<SentAccessRequest>("SentAccessRequest").implement({
  description: "If the address belongs to a Gatehouse account, the request is waiting for that person's answer.",
  fields: (t) => ({
    email: t.exposeString("email"),
    kind: t.field({ type: AccessRequestKindEnum, resolve: (sent) => sent.kind }),
    scopes: t.exposeStringList("scopes"),
  }),
});

/** Seen by members who send or read users, and by the person the request was sent to. */
export const AccessRequestType = builder.prismaObject("AccessRequest", {
  authScopes: async (request, ctx) =>
    ctx.viewer?.id === request.userId ||
    (await ctx.access.can(request.clientId, "requests:send")) ||
    ctx.access.can(request.clientId, "users:read"),
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.field({ type: AccessRequestKindEnum, resolve: (request) => request.kind }),
    status: t.field({ type: AccessRequestStatusEnum, resolve: (request) => request.status }),
    message: t.exposeString("message", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    respondedAt: t.expose("respondedAt", { type: "DateTime", nullable: true }),
    user: t.field({
      type: AccessRequestRecipient,
      select: { user: { select: { email: true, name: true } } },
      resolve: (request) => ({
        email: request.user.email,
        name: request.status === "ACCEPTED" ? request.user.name : null,
      }),
    }),
    scopes: t.stringList({
      description: "Keys of the requested scopes.",
      select: { scopes: { select: { scope: { select: { key: true } } } } },
      resolve: (request) => request.scopes.map((entry) => entry.scope.key).sort(),
    }),
  }),
});

builder.prismaObjectField("Client", "accessRequests", (t) =>
  t.relation("accessRequests", {
    nullable: true,
    description: "Access and test-user requests the client sent, newest first. Needs requests:send or users:read.",
    args: { status: t.arg({ type: AccessRequestStatusEnum, required: false }) },
    authScopes: async (client, _args, ctx) =>
      (await ctx.access.can(client.id, "requests:send")) || ctx.access.can(client.id, "users:read"),
    query: (args) => ({
      where: args.status ? { status: args.status } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  }),
);

builder.mutationField("sendAccessRequest", (t) =>
  t.field({
    type: SentAccessRequestType,
    args: {
      input: t.arg({
        type: builder.inputType("SendAccessRequestInput", {
          fields: (f) => ({
            clientId: f.id(),
            email: f.string({ description: "The e-mail address of the person's Gatehouse account." }),
            kind: f.field({ type: AccessRequestKindEnum }),
            scopeKeys: f.stringList({ description: "Scopes enabled for the client, VERIFIED tier included." }),
            message: f.string({ required: false }),
          }),
        }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError, ValidationError, ConflictError] },
    resolve: (_root, { input }, ctx) =>
      sendAccessRequest({
        ctx,
        clientId: String(input.clientId),
        email: input.email,
        kind: input.kind,
        scopeKeys: input.scopeKeys,
        message: input.message,
      }),
  }),
);

builder.mutationField("cancelAccessRequest", (t) =>
  t.field({
    type: AccessRequestType,
    args: {
      input: t.arg({
        type: builder.inputType("CancelAccessRequestInput", { fields: (f) => ({ accessRequestId: f.id() }) }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    resolve: (_root, { input }, ctx) => cancelAccessRequest({ ctx, accessRequestId: String(input.accessRequestId) }),
  }),
);
