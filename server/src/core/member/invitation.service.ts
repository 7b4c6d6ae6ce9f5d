import { z } from "zod";
import { audited } from "../audit/audit.service.js";
import { randomToken, sha256 } from "../auth/crypto.js";
import { requireOwned, requirePermission } from "../client/client-access.js";
import { clientOwners } from "../client/owners.js";
import type { ServiceContext } from "../context.js";
import { ensureRoomForMember } from "../count-limits.js";
import { ConflictError, ForbiddenError, NotAuthenticatedError, NotFoundError } from "../errors.js";
import { mailPerson, mailPersonQuietly } from "../mail/mail-person.js";
import { addressesWanting } from "../notification/notification.js";
import { grantRefusal } from "../role/grantable.js";
import { validate } from "../validate.js";

/** How long an invitation link works. */
export const INVITATION_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;

const inviteInput = (now: Date) =>
  z.object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email("Enter a valid e-mail address.").max(320, "The e-mail address is too long.")),
    roleId: z.string().min(1, "Choose a role."),
    expiresAt: z
      .date()
      .refine((date) => date.getTime() > now.getTime(), "The expiry date must be in the future.")
      .nullish(),
  });

const pendingWhere = (now: Date) => ({ acceptedAt: null, declinedAt: null, revokedAt: null, expiresAt: { gt: now } });

/**
 * Invites the address with a role: a single-use link by mail, and nothing else. Known and unknown
 * addresses get the same answer; the person joins only by accepting, once their account with that
 * address is verified.
 */
export async function inviteMember({
  ctx,
  clientId,
  input,
}: {
  ctx: ServiceContext;
  clientId: string;
  input: { email: string; roleId: string; expiresAt?: Date | null };
}) {
  const now = ctx.clock.now();
  const data = validate(inviteInput(now), input);
  const grant = await requirePermission(ctx, clientId, "members:manage");
  const role = await ctx.db.role.findUnique({ where: { id: data.roleId }, include: { permissions: true } });
  if (!role || role.clientId !== clientId) throw new NotFoundError("Role not found.");
  const refusal = grantRefusal(grant, { level: role.level, permissions: role.permissions.map((p) => p.permission) });
  if (refusal) throw new ForbiddenError(refusal);
  const token = randomToken(32);
  const invitation = await audited(ctx, clientId, async (tx) => {
    await ensureRoomForMember(tx, clientId);
    // A new invitation to the same address replaces the one still waiting.
    await tx.memberInvitation.updateMany({
      where: { clientId, email: data.email, ...pendingWhere(now) },
      data: { revokedAt: now },
    });
    const created = await tx.memberInvitation.create({
      data: {
        clientId,
        email: data.email,
        roleId: role.id,
        memberExpiresAt: data.expiresAt ?? null,
        tokenHash: sha256(token),
        invitedById: ctx.viewer?.id ?? null,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
      },
      include: { role: true, client: { select: { name: true } } },
    });
    return {
      result: created,
      action: "member.invited",
      targetType: "MemberInvitation",
      targetId: created.id,
      after: { email: data.email, role: role.key, memberExpiresAt: data.expiresAt?.toISOString() ?? null },
    };
  });
  const link = new URL("/invitation", ctx.config.publicUrl);
  // In the fragment, so the token never reaches a server or proxy log.
  link.hash = `token=${token}`;
  // An invitee with an account reads it in their language; anyone else in the inviter's.
  await mailPerson(ctx, { email: data.email }, "invitation", {
    inviter: ctx.viewer?.name ?? null,
    clientName: invitation.client.name,
    roleName: role.name,
    expiresAt: invitation.expiresAt,
    link: link.toString(),
  });
  return invitation;
}

async function byToken(ctx: ServiceContext, token: string) {
  const invitation = await ctx.db.memberInvitation.findUnique({
    where: { tokenHash: sha256(token) },
    include: { role: true, client: { select: { id: true, name: true } } },
  });
  if (!invitation) throw new NotFoundError("This invitation link is not valid.");
  return invitation;
}

export type InvitationState = "PENDING" | "ACCEPTED" | "DECLINED" | "REVOKED" | "EXPIRED";

export function invitationState(
  invitation: { acceptedAt: Date | null; declinedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.declinedAt) return "DECLINED";
  if (invitation.revokedAt) return "REVOKED";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "PENDING";
}

/** What the invitee sees: the client, the role and whether the signed-in account may answer it. */
export async function describeInvitation({ ctx, token }: { ctx: ServiceContext; token: string }) {
  const invitation = await byToken(ctx, token);
  const viewer = ctx.viewer;
  const forViewer = Boolean(viewer && viewer.email.toLowerCase() === invitation.email);
  return {
    invitation,
    state: invitationState(invitation, ctx.clock.now()),
    forViewer,
    viewerVerified: Boolean(viewer?.emailVerified),
  };
}

/** The signed-in person behind the invited, verified address; anything else is refused with the reason. */
async function answerable(ctx: ServiceContext, token: string) {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAuthenticatedError("Sign in with the invited address to answer the invitation.");
  const invitation = await byToken(ctx, token);
  if (viewer.email.toLowerCase() !== invitation.email) {
    throw new ForbiddenError("This invitation is for another e-mail address. Sign in with that address.");
  }
  if (!viewer.emailVerified) {
    throw new ForbiddenError("Confirm your e-mail address first (the link we mailed you); the invitation waits.");
  }
  const state = invitationState(invitation, ctx.clock.now());
  if (state !== "PENDING") throw new ConflictError(`This invitation is ${state.toLowerCase()}.`);
  return { viewer, invitation };
}

/** Tells the client's owners that an invitation was answered (unless they turned invitation mail off). */
async function mailInvitationAnswer(
  ctx: ServiceContext,
  invitation: { clientId: string; email: string; role: { name: string } },
  answer: "accepted" | "declined",
) {
  const { clientName, emails } = await clientOwners(ctx.db, invitation.clientId, ctx.clock.now());
  if (clientName === null) return;
  const link = new URL(`/clients/${invitation.clientId}/members`, ctx.config.publicUrl).toString();
  // Each owner reads it in their account's language, else the language of the invitee's request.
  for (const email of await addressesWanting(ctx.db, emails, "INVITATION")) {
    await mailPersonQuietly(ctx, { email }, "invitationAnswered", {
      clientName,
      email: invitation.email,
      answer,
      roleName: invitation.role.name,
      link,
    });
  }
}

export async function acceptInvitation({ ctx, token }: { ctx: ServiceContext; token: string }) {
  const { viewer, invitation } = await answerable(ctx, token);
  const existing = await ctx.db.member.findUnique({
    where: { clientId_userId: { clientId: invitation.clientId, userId: viewer.id } },
  });
  if (existing) throw new ConflictError(`You already are a member of ${invitation.client.name}.`);
  const member = await audited(ctx, invitation.clientId, async (tx) => {
    await ensureRoomForMember(tx, invitation.clientId);
    const { count } = await tx.memberInvitation.updateMany({
      where: { id: invitation.id, ...pendingWhere(ctx.clock.now()) },
      data: { acceptedAt: ctx.clock.now(), acceptedUserId: viewer.id },
    });
    if (count === 0) throw new ConflictError("This invitation has already been answered.");
    const created = await tx.member.create({
      data: {
        clientId: invitation.clientId,
        userId: viewer.id,
        roleId: invitation.roleId,
        expiresAt: invitation.memberExpiresAt,
      },
      include: { role: true },
    });
    return {
      result: created,
      action: "member.added",
      targetType: "Member",
      targetId: created.id,
      after: {
        email: invitation.email,
        role: invitation.role.key,
        expiresAt: invitation.memberExpiresAt?.toISOString() ?? null,
        invitationId: invitation.id,
      },
    };
  });
  ctx.access.reset();
  await mailInvitationAnswer(ctx, invitation, "accepted");
  return { member, clientId: invitation.clientId, clientName: invitation.client.name };
}

export async function declineInvitation({ ctx, token }: { ctx: ServiceContext; token: string }) {
  const { invitation } = await answerable(ctx, token);
  const answered = await audited(ctx, invitation.clientId, async (tx) => {
    // Single use: one conditional update decides, so two tabs cannot both answer.
    const { count } = await tx.memberInvitation.updateMany({
      where: { id: invitation.id, ...pendingWhere(ctx.clock.now()) },
      data: { declinedAt: ctx.clock.now() },
    });
    if (count === 0) throw new ConflictError("This invitation has already been answered.");
    return {
      result: { clientId: invitation.clientId, clientName: invitation.client.name },
      action: "member.invitation_declined",
      targetType: "MemberInvitation",
      targetId: invitation.id,
      after: { email: invitation.email },
    };
  });
  await mailInvitationAnswer(ctx, invitation, "declined");
  return answered;
}

export async function revokeInvitation({ ctx, invitationId }: { ctx: ServiceContext; invitationId: string }) {
  const found = await ctx.db.memberInvitation.findUnique({ where: { id: invitationId } });
  const invitation = await requireOwned(ctx, found, "members:manage", "Invitation");
  const now = ctx.clock.now();
  return audited(ctx, invitation.clientId, async (tx) => {
    const { count } = await tx.memberInvitation.updateMany({
      where: { id: invitation.id, ...pendingWhere(now) },
      data: { revokedAt: now },
    });
    if (count === 0) throw new ConflictError("Only a pending invitation can be revoked.");
    return {
      result: await tx.memberInvitation.findUniqueOrThrow({ where: { id: invitation.id } }),
      action: "member.invitation_revoked",
      targetType: "MemberInvitation",
      targetId: invitation.id,
      before: { email: invitation.email },
    };
  });
}

/** Pending invitations of the client, newest first. */
export function pendingInvitations(ctx: ServiceContext, clientId: string) {
  return ctx.db.memberInvitation.findMany({
    where: { clientId, ...pendingWhere(ctx.clock.now()) },
    include: { role: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}
