import { READ_RULES } from "../../core/client/read-rules.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import { addMember, type MemberInvitation, removeMember, updateMember } from "../../core/member/member.service.js";
import { builder } from "../builder.js";
import { RoleType } from "./role.js";

/** Only what teammates need to recognise each other; never the rest of the account. */
const MemberUser = builder.objectRef<{ name: string; email: string; clientId: string }>("MemberUser").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    email: t.exposeString("email", {
      nullable: true,
      description: `Only for callers with ${READ_RULES.teamEmails}; null for everyone else.`,
      authScopes: (user) => ({ can: { clientId: user.clientId, permission: READ_RULES.teamEmails } }),
      unauthorizedResolver: () => null,
    }),
  }),
});

export const MemberType = builder.prismaObject("Member", {
  authScopes: (member) => ({ member: member.clientId }),
  fields: (t) => ({
    id: t.exposeID("id"),
    user: t.field({
      type: MemberUser,
      select: { user: { select: { name: true, email: true } } },
      resolve: (member) => ({ ...member.user, clientId: member.clientId }),
    }),
    role: t.relation("role", { type: RoleType }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField("Client", "members", (t) =>
  t.relation("members", {
    description: "The team. People who are part of the client see it; client credentials do not.",
    // Partner tooling acts for the app, not for a person on the team: it gets an empty list.
    authScopes: (client) => ({ $all: { signedIn: true, member: client.id } }),
    // Typed as the relation's loaded shape; an empty list is what the field resolves to.
    unauthorizedResolver: () => [] as never,
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  }),
);

const memberErrors = [NotFoundError, ForbiddenError, ConflictError, ValidationError];

/** The neutral answer to addMember: it says nothing about whether the address has an account. */
const MemberInvitationType = builder.objectRef<MemberInvitation>("MemberInvitation").implement({
  description:
    "If the address belongs to a verified Gatehouse account, that person is now a member with this role; the answer is the same either way.",
  fields: (t) => ({
    email: t.exposeString("email"),
    role: t.field({ type: RoleType, resolve: (invitation) => invitation.role }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
  }),
});

builder.mutationField("addMember", (t) =>
  t.field({
    type: MemberInvitationType,
    deprecationReason: "Adds a verified account without asking the person; use inviteMember, which they accept.",
    args: {
      input: t.arg({
        type: builder.inputType("AddMemberInput", {
          fields: (f) => ({
            clientId: f.id(),
            email: f.string(),
            roleId: f.id(),
            expiresAt: f.field({ type: "DateTime", required: false }),
          }),
        }),
      }),
    },
    errors: { types: memberErrors },
    resolve: (_root, { input }, ctx) =>
      addMember({
        ctx,
        clientId: String(input.clientId),
        input: { email: input.email, roleId: String(input.roleId), expiresAt: input.expiresAt },
      }),
  }),
);

builder.mutationField("updateMember", (t) =>
  t.field({
    type: MemberType,
    args: {
      input: t.arg({
        type: builder.inputType("UpdateMemberInput", {
          fields: (f) => ({
            memberId: f.id(),
            roleId: f.id({ required: false }),
            expiresAt: f.field({
              type: "DateTime",
              required: false,
              description: "null removes the expiry; leave out to keep it.",
            }),
          }),
        }),
      }),
    },
    errors: { types: memberErrors },
    resolve: (_root, { input }, ctx) =>
      updateMember({
        ctx,
        memberId: String(input.memberId),
        input: { roleId: input.roleId == null ? input.roleId : String(input.roleId), expiresAt: input.expiresAt },
      }),
  }),
);

const RemovedMember = builder.objectRef<{ id: string; email: string }>("RemovedMember").implement({
  fields: (t) => ({ id: t.exposeID("id"), email: t.exposeString("email") }),
});

builder.mutationField("removeMember", (t) =>
  t.field({
    type: RemovedMember,
    args: {
      input: t.arg({ type: builder.inputType("RemoveMemberInput", { fields: (f) => ({ memberId: f.id() }) }) }),
    },
    errors: { types: memberErrors },
    resolve: (_root, { input }, ctx) => removeMember({ ctx, memberId: String(input.memberId) }),
  }),
);
