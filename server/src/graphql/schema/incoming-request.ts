import { ownAccountOnly } from "../../core/account/account-caller.js";
import { acceptAccessRequest, declineAccessRequest } from "../../core/account/incoming-request.service.js";
import { ConflictError, ForbiddenError, NotAuthenticatedError, NotFoundError } from "../../core/errors.js";
import { builder } from "../builder.js";
import { AccessRequestKindEnum, AccessRequestStatusEnum, ScopeTierEnum } from "../enums.js";
import { AppSummary } from "./connected-app.js";

const RequestedScope = builder
  .objectRef<{ key: string; description: string; tier: "BASIC" | "VERIFIED" }>("RequestedScope")
  .implement({
    fields: (t) => ({
      key: t.exposeString("key"),
      description: t.exposeString("description"),
      tier: t.field({ type: ScopeTierEnum, resolve: (scope) => scope.tier }),
    }),
  });

const IncomingAccessRequest = builder.prismaObject("AccessRequest", {
  variant: "IncomingAccessRequest",
  description: "A request from a client to the signed-in person, for scopes or to become a test user.",
  authScopes: (request, ctx) => ctx.viewer?.id === request.userId,
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.field({ type: AccessRequestKindEnum, resolve: (request) => request.kind }),
    status: t.field({ type: AccessRequestStatusEnum, resolve: (request) => request.status }),
    message: t.exposeString("message", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    respondedAt: t.expose("respondedAt", { type: "DateTime", nullable: true }),
    client: t.field({
      type: AppSummary,
      select: { client: { select: { id: true, name: true } } },
      resolve: (request) => request.client,
    }),
    scopes: t.field({
      type: [RequestedScope],
      select: { scopes: { select: { scope: { select: { key: true, description: true, tier: true } } } } },
      resolve: (request) => request.scopes.map((entry) => entry.scope).sort((a, b) => a.key.localeCompare(b.key)),
    }),
  }),
});

builder.prismaObjectField("User", "accessRequests", (t) =>
  t.relation("accessRequests", {
    type: IncomingAccessRequest,
    authScopes: ownAccountOnly,
    description: "Requests clients sent to this person, newest first; pending ones unless status says otherwise.",
    args: { status: t.arg({ type: AccessRequestStatusEnum, required: false, defaultValue: "PENDING" }) },
    query: (args) => ({
      where: { status: args.status ?? "PENDING" },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
  }),
);

const respondErrors = [NotAuthenticatedError, ForbiddenError, NotFoundError, ConflictError];

builder.mutationField("acceptAccessRequest", (t) =>
  t.field({
    type: IncomingAccessRequest,
    args: {
      input: t.arg({
        type: builder.inputType("AcceptAccessRequestInput", { fields: (f) => ({ accessRequestId: f.id() }) }),
      }),
    },
    errors: { types: respondErrors },
    resolve: (_root, { input }, ctx) => acceptAccessRequest({ ctx, accessRequestId: String(input.accessRequestId) }),
  }),
);

builder.mutationField("declineAccessRequest", (t) =>
  t.field({
    type: IncomingAccessRequest,
    args: {
      input: t.arg({
        type: builder.inputType("DeclineAccessRequestInput", { fields: (f) => ({ accessRequestId: f.id() }) }),
      }),
    },
    errors: { types: respondErrors },
    resolve: (_root, { input }, ctx) => declineAccessRequest({ ctx, accessRequestId: String(input.accessRequestId) }),
  }),
);
