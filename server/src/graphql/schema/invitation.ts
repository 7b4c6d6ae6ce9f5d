import { READ_RULES } from "../../core/client/read-rules.js";
import {
  ConflictError,
  ForbiddenError,
  NotAuthenticatedError,
  NotFoundError,
  ValidationError,
} from "../../core/errors.js";
import {
  acceptInvitation,
  declineInvitation,
  describeInvitation,
  type InvitationState,
  invitationState,
  inviteMember,
  pendingInvitations,
  revokeInvitation,
} from "../../core/member/invitation.service.js";
import { builder } from "../builder.js";
import { RoleType } from "./role.js";

const InvitationStateEnum = builder.enumType("TeamInvitationState", {
  values: ["PENDING", "ACCEPTED", "DECLINED", "REVOKED", "EXPIRED"] as const,
});

/** An invitation as the client's members with members:manage see it; never its token. */
export const TeamInvitationType = builder.prismaObject("MemberInvitation", {
  name: "TeamInvitation",
  authScopes: (invitation) => ({ can: { clientId: invitation.clientId, permission: READ_RULES.teamEmails } }),
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email"),
    role: t.relation("role", { type: RoleType }),
    memberExpiresAt: t.expose("memberExpiresAt", { type: "DateTime", nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "The link stops working then." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    state: t.field({
      type: InvitationStateEnum,
      resolve: (invitation, _args, ctx) => invitationState(invitation, ctx.clock.now()),
    }),
  }),
});

builder.prismaObjectField("Client", "invitations", (t) =>
  t.field({
    type: [TeamInvitationType],
    description: "Pending invitations, newest first; empty without members:manage.",
    authScopes: (client) => ({ $all: { signedIn: true, can: { clientId: client.id, permission: "members:manage" } } }),
    unauthorizedResolver: () => [],
    resolve: (client, _args, ctx) => pendingInvitations(ctx, client.id),
  }),
);

type InvitationView = Awaited<ReturnType<typeof describeInvitation>>;

const InvitationForViewer = builder.objectRef<InvitationView>("InvitationForViewer").implement({
  description: "What the holder of an invitation link sees: the client, the role and whether they may answer.",
  fields: (t) => ({
    clientName: t.string({ resolve: (view) => view.invitation.client.name }),
    roleName: t.string({ resolve: (view) => view.invitation.role.name }),
    roleDescription: t.string({ nullable: true, resolve: (view) => view.invitation.role.description }),
    email: t.string({ description: "The invited address.", resolve: (view) => view.invitation.email }),
    expiresAt: t.field({ type: "DateTime", resolve: (view) => view.invitation.expiresAt }),
    state: t.field({ type: InvitationStateEnum, resolve: (view): InvitationState => view.state }),
    forViewer: t.boolean({
      description: "The signed-in account has the invited address.",
      resolve: (view) => view.forViewer,
    }),
    viewerVerified: t.boolean({ resolve: (view) => view.viewerVerified }),
  }),
});

builder.queryField("invitation", (t) =>
  t.field({
    type: InvitationForViewer,
    args: { token: t.arg.string() },
    errors: { types: [NotFoundError] },
    resolve: (_root, { token }, ctx) => describeInvitation({ ctx, token }),
  }),
);

const errors = [NotFoundError, ForbiddenError, ConflictError, ValidationError, NotAuthenticatedError];

builder.mutationField("inviteMember", (t) =>
  t.field({
    type: TeamInvitationType,
    description:
      "Mails a single-use invitation link for the role; the person joins only by accepting it with that verified address.",
    args: {
      input: t.arg({
        type: builder.inputType("InviteMemberInput", {
          fields: (f) => ({
            clientId: f.id(),
            email: f.string(),
            roleId: f.id(),
            expiresAt: f.field({ type: "DateTime", required: false, description: "When the membership ends." }),
          }),
        }),
      }),
    },
    errors: { types: errors },
    resolve: (_root, { input }, ctx) =>
      inviteMember({
        ctx,
        clientId: String(input.clientId),
        input: { email: input.email, roleId: String(input.roleId), expiresAt: input.expiresAt },
      }),
  }),
);

const TokenInput = builder.inputType("InvitationTokenInput", { fields: (f) => ({ token: f.string() }) });

const InvitationAnswer = builder
  .objectRef<{ clientId: string; clientName: string }>("InvitationAnswer")
  .implement({ fields: (t) => ({ clientId: t.exposeID("clientId"), clientName: t.exposeString("clientName") }) });

builder.mutationField("acceptInvitation", (t) =>
  t.field({
    type: InvitationAnswer,
    args: { input: t.arg({ type: TokenInput }) },
    errors: { types: errors },
    resolve: async (_root, { input }, ctx) => {
      const accepted = await acceptInvitation({ ctx, token: input.token });
      return { clientId: accepted.clientId, clientName: accepted.clientName };
    },
  }),
);

builder.mutationField("declineInvitation", (t) =>
  t.field({
    type: InvitationAnswer,
    args: { input: t.arg({ type: TokenInput }) },
    errors: { types: errors },
    resolve: (_root, { input }, ctx) => declineInvitation({ ctx, token: input.token }),
  }),
);

builder.mutationField("revokeInvitation", (t) =>
  t.field({
    type: TeamInvitationType,
    args: {
      input: t.arg({
        type: builder.inputType("RevokeInvitationInput", { fields: (f) => ({ invitationId: f.id() }) }),
      }),
    },
    errors: { types: errors },
    resolve: (_root, { input }, ctx) => revokeInvitation({ ctx, invitationId: String(input.invitationId) }),
  }),
);
