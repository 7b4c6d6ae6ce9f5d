import { READ_RULES } from "../../core/client/read-rules.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import {
  approveVerification,
  cancelVerificationRequest,
  rejectVerification,
  requestVerification,
  revokeVerification,
} from "../../core/verification/verification.service.js";
import { builder } from "../builder.js";

const VerificationRequestStatus = builder.enumType("VerificationRequestStatus", {
  values: ["PENDING", "APPROVED", "REJECTED", "CANCELLED"] as const,
});

const VerificationDomain = builder
  .objectRef<{ domainId: string; rootDomain: string; approved: boolean | null }>("VerificationRequestDomain")
  .implement({
    fields: (t) => ({
      domainId: t.exposeID("domainId"),
      rootDomain: t.exposeString("rootDomain"),
      approved: t.exposeBoolean("approved", {
        nullable: true,
        description: "Staff's decision on this domain; null while pending (or for an approval of everything asked).",
      }),
    }),
  });

/** A decision counts as approval when it says so, or when it predates per-item decisions (null on an approved request). */
const approvedIn = (status: string, approved: boolean | null) => status === "APPROVED" && approved !== false;

/** Enough for staff to tell which client asked, without opening the client itself to them. */
const VerificationClient = builder
  .objectRef<{ id: string; name: string; verifiedScopesPerRequest: boolean }>("VerificationRequestClient")
  .implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      verifiedScopesPerRequest: t.exposeBoolean("verifiedScopesPerRequest", {
        description: "Whether staff allow this client to ask one person at a time for VERIFIED-tier scopes.",
      }),
    }),
  });

export const VerificationRequestType = builder.prismaObject("VerificationRequest", {
  // Platform staff, or a member of the client who may manage its verification.
  authScopes: (request) => ({
    staff: true,
    can: { clientId: request.clientId, permission: READ_RULES.verificationRequests },
  }),
  fields: (t) => ({
    id: t.exposeID("id"),
    status: t.field({ type: VerificationRequestStatus, resolve: (request) => request.status }),
    notes: t.exposeString("notes", { nullable: true }),
    reviewNote: t.exposeString("reviewNote", { nullable: true }),
    reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", {
      type: "DateTime",
      nullable: true,
      description: "When staff withdrew this approval; what it approved no longer works.",
    }),
    revokeNote: t.exposeString("revokeNote", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    domains: t.field({
      type: [VerificationDomain],
      select: { domains: { select: { domainId: true, approved: true, domain: { select: { rootDomain: true } } } } },
      resolve: (request) =>
        request.domains.map((link) => ({
          domainId: link.domainId,
          rootDomain: link.domain.rootDomain,
          approved: link.approved,
        })),
    }),
    scopes: t.stringList({
      description: "The scope keys the client asked for.",
      select: { scopes: { select: { scope: { select: { key: true } } } } },
      resolve: (request) => request.scopes.map((link) => link.scope.key).sort(),
    }),
    approvedScopes: t.stringList({
      description: "The asked-for scope keys staff approved; empty unless APPROVED.",
      select: { status: true, scopes: { select: { approved: true, scope: { select: { key: true } } } } },
      resolve: (request) =>
        request.scopes
          .filter((link) => approvedIn(request.status, link.approved))
          .map((link) => link.scope.key)
          .sort(),
    }),
    client: t.field({
      type: VerificationClient,
      select: { client: { select: { id: true, name: true, verifiedScopesPerRequest: true } } },
      resolve: (request) => request.client,
    }),
  }),
});

builder.prismaObjectField("Client", "verificationRequests", (t) =>
  t.relation("verificationRequests", {
    description: `Newest first; empty unless the caller has ${READ_RULES.verificationRequests}.`,
    authScopes: (client) => ({ can: { clientId: client.id, permission: READ_RULES.verificationRequests } }),
    // Typed as the relation's loaded shape; an empty list is what the field resolves to.
    unauthorizedResolver: () => [] as never,
    query: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
  }),
);

builder.queryField("verificationQueue", (t) =>
  t.prismaConnection({
    type: "VerificationRequest",
    cursor: "id",
    authScopes: { staff: true },
    description: "Platform staff only: verification requests to review, oldest first.",
    args: { status: t.arg({ type: VerificationRequestStatus, defaultValue: "PENDING", required: true }) },
    resolve: (query, _root, { status }, ctx) =>
      ctx.db.verificationRequest.findMany({
        ...query,
        where: { status },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
  }),
);

const verificationErrors = [NotFoundError, ForbiddenError, ConflictError, ValidationError];

builder.mutationField("requestVerification", (t) =>
  t.field({
    type: VerificationRequestType,
    args: {
      input: t.arg({
        type: builder.inputType("RequestVerificationInput", {
          fields: (f) => ({
            clientId: f.id(),
            domainIds: f.idList(),
            scopeKeys: f.stringList(),
            notes: f.string({ required: false }),
          }),
        }),
      }),
    },
    errors: { types: verificationErrors },
    resolve: (_root, { input }, ctx) =>
      requestVerification({
        ctx,
        clientId: String(input.clientId),
        input: { domainIds: input.domainIds.map(String), scopeKeys: input.scopeKeys, notes: input.notes },
      }),
  }),
);

builder.mutationField("approveVerification", (t) =>
  t.field({
    type: VerificationRequestType,
    description: "Platform staff only: approves the request, or the chosen part of it, and marks the client VERIFIED.",
    args: {
      input: t.arg({
        type: builder.inputType("ApproveVerificationInput", {
          fields: (f) => ({
            requestId: f.id(),
            note: f.string({ required: false }),
            domainIds: f.idList({
              required: false,
              description: "The requested domains to approve; all of them when left out.",
            }),
            scopeKeys: f.stringList({
              required: false,
              description: "The requested scopes to approve; all of them when left out, none with [].",
            }),
          }),
        }),
      }),
    },
    errors: { types: verificationErrors },
    resolve: (_root, { input }, ctx) =>
      approveVerification({
        ctx,
        requestId: String(input.requestId),
        note: input.note,
        domainIds: input.domainIds?.map(String) ?? null,
        scopeKeys: input.scopeKeys ?? null,
      }),
  }),
);

builder.mutationField("rejectVerification", (t) =>
  t.field({
    type: VerificationRequestType,
    description: "Platform staff only: rejects the request; the note tells the client why.",
    args: {
      input: t.arg({
        type: builder.inputType("RejectVerificationInput", {
          fields: (f) => ({ requestId: f.id(), note: f.string() }),
        }),
      }),
    },
    errors: { types: verificationErrors },
    resolve: (_root, { input }, ctx) =>
      rejectVerification({ ctx, requestId: String(input.requestId), note: input.note }),
  }),
);

builder.mutationField("revokeVerification", (t) =>
  t.field({
    type: VerificationRequestType,
    description: "Platform staff only: withdraws an approval; the note tells the client why.",
    args: {
      input: t.arg({
        type: builder.inputType("RevokeVerificationInput", {
          fields: (f) => ({ requestId: f.id(), note: f.string() }),
        }),
      }),
    },
    errors: { types: verificationErrors },
    resolve: (_root, { input }, ctx) =>
      revokeVerification({ ctx, requestId: String(input.requestId), note: input.note }),
  }),
);

builder.mutationField("cancelVerificationRequest", (t) =>
  t.field({
    type: VerificationRequestType,
    description: "Withdraws the client's own pending request. Needs verification:manage.",
    args: {
      input: t.arg({
        type: builder.inputType("CancelVerificationRequestInput", { fields: (f) => ({ requestId: f.id() }) }),
      }),
    },
    errors: { types: verificationErrors },
    resolve: (_root, { input }, ctx) => cancelVerificationRequest({ ctx, requestId: String(input.requestId) }),
  }),
);
