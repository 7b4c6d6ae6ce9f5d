import { z } from "zod";
import { Prisma, type Role } from "../../generated/prisma/client.js";
import type { Grant } from "../access.js";
import { audited, type Tx } from "../audit/audit.service.js";
import { requireOwned, requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { COUNT_LIMITS, ensureRoomForMember, membersFull } from "../count-limits.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors.js";
import { grantRefusal } from "../role/grantable.js";
import { validate } from "../validate.js";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address.").max(320, "The e-mail address is too long."));
const expiresAt = z
  .date()
  .refine((date) => date.getTime() > Date.now(), "The expiry date must be in the future.")
  .nullish();

const LAST_OWNER = "A client needs at least one Owner.";

/**
 * Live members of the client's Owner role other than `exceptMemberId`. Writing the client row
 * first takes its row lock, so two owners removing each other at once are serialised (PostgreSQL
 * READ COMMITTED would otherwise let both counts see the other owner).
 */
async function otherLiveOwners(tx: Tx, clientId: string, exceptMemberId: string) {
  await tx.client.update({ where: { id: clientId }, data: { updatedAt: new Date() } });
  const now = new Date();
  return tx.member.count({
    where: {
      clientId,
      id: { not: exceptMemberId },
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      role: { key: "owner", status: "ACTIVE", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    },
  });
}

/** A role of this client that the caller may hand out: not above their level, no permission they lack. */
async function assignableRole(ctx: ServiceContext, grant: Grant, clientId: string, roleId: string) {
  const role = await ctx.db.role.findUnique({ where: { id: roleId }, include: { permissions: true } });
  if (!role || role.clientId !== clientId) throw new NotFoundError("Role not found.");
  const refusal = grantRefusal(grant, {
    level: role.level,
    permissions: role.permissions.map((entry) => entry.permission),
  });
  if (refusal) throw new ForbiddenError(refusal);
  return role;
}

type MemberRow = { user: { email: string }; role: { key: string }; expiresAt: Date | null };
const summarize = (member: MemberRow) => ({
  email: member.user.email,
  role: member.role.key,
  expiresAt: member.expiresAt?.toISOString() ?? null,
});

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** What addMember answers, the same whether or not the address belongs to a verified account. */
export type MemberInvitation = { email: string; role: Role; expiresAt: Date | null };

/**
 * Adds the verified account behind `email` with the role. The answer never says whether such an
 * account exists or already is a member, so the form cannot be used to probe addresses.
 */
export async function addMember({
  ctx,
  clientId,
  input,
}: {
  ctx: ServiceContext;
  clientId: string;
  input: { email: string; roleId: string; expiresAt?: Date | null };
}): Promise<MemberInvitation> {
  const data = validate(z.object({ email, roleId: z.string(), expiresAt }), input);
  const grant = await requirePermission(ctx, clientId, "members:manage");
  const role = await assignableRole(ctx, grant, clientId, data.roleId);
  const answer = { email: data.email, role, expiresAt: data.expiresAt ?? null };
  // Checked before the address is looked up, so a full client answers the same for every address.
  if ((await ctx.db.member.count({ where: { clientId } })) >= COUNT_LIMITS.membersPerClient) throw membersFull();
  const user = await ctx.db.user.findFirst({ where: { email: data.email, emailVerified: true }, select: { id: true } });
  if (!user) return answer;
  const existing = await ctx.db.member.findUnique({ where: { clientId_userId: { clientId, userId: user.id } } });
  if (existing) return answer;
  await audited(ctx, clientId, async (tx) => {
    await ensureRoomForMember(tx, clientId);
    const created = await tx.member.create({
      data: { clientId, userId: user.id, roleId: role.id, expiresAt: data.expiresAt ?? null },
      include: { user: true, role: true },
    });
    return {
      result: created,
      action: "member.added",
      targetType: "Member",
      targetId: created.id,
      after: summarize(created),
    };
  }).catch((error: unknown) => {
    // Added by a concurrent request in the meantime: the same neutral answer.
    if (!isUniqueViolation(error)) throw error;
  });
  ctx.access.reset();
  return answer;
}

/** Loads the member and checks that the caller may manage it (its role is not above theirs). */
async function manageableMember(ctx: ServiceContext, memberId: string) {
  const row = await ctx.db.member.findUnique({
    where: { id: memberId },
    include: { user: true, role: { include: { permissions: true } } },
  });
  const member = await requireOwned(ctx, row, "members:manage", "Member");
  const grant = await requirePermission(ctx, member.clientId, "members:manage");
  const current = { level: member.role.level, permissions: member.role.permissions.map((entry) => entry.permission) };
  if (grantRefusal(grant, current)) throw new ForbiddenError("You cannot change a member whose role is above yours.");
  return { member, grant };
}

export async function updateMember({
  ctx,
  memberId,
  input,
}: {
  ctx: ServiceContext;
  memberId: string;
  input: { roleId?: string | null; expiresAt?: Date | null };
}) {
  const data = validate(z.object({ roleId: z.string().nullish(), expiresAt }), input);
  const { member, grant } = await manageableMember(ctx, memberId);
  // Otherwise a member could raise their own role or drop their own expiry.
  if (ctx.viewer && member.userId === ctx.viewer.id) throw new ForbiddenError("You cannot change your own membership.");
  const role = data.roleId ? await assignableRole(ctx, grant, member.clientId, data.roleId) : member.role;
  const demotes = member.role.key === "owner" && (role.key !== "owner" || Boolean(data.expiresAt));
  const updated = await audited(ctx, member.clientId, async (tx) => {
    if (demotes && (await otherLiveOwners(tx, member.clientId, member.id)) === 0) throw new ConflictError(LAST_OWNER);
    const after = await tx.member.update({
      where: { id: member.id },
      data: { roleId: role.id, expiresAt: data.expiresAt === undefined ? undefined : data.expiresAt },
      include: { user: true, role: true },
    });
    return {
      result: after,
      action: "member.updated",
      targetType: "Member",
      targetId: member.id,
      before: summarize(member),
      after: summarize(after),
    };
  });
  ctx.access.reset();
  return updated;
}

export async function removeMember({ ctx, memberId }: { ctx: ServiceContext; memberId: string }) {
  const { member } = await manageableMember(ctx, memberId);
  const removed = await audited(ctx, member.clientId, async (tx) => {
    if (member.role.key === "owner" && (await otherLiveOwners(tx, member.clientId, member.id)) === 0) {
      throw new ConflictError(LAST_OWNER);
    }
    await tx.member.delete({ where: { id: member.id } });
    return {
      result: { id: member.id, email: member.user.email },
      action: "member.removed",
      targetType: "Member",
      targetId: member.id,
      before: summarize(member),
    };
  });
  ctx.access.reset();
  return removed;
}
