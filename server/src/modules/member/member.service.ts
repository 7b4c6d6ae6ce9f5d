import { z } from "zod";
import type { Grant } from "../../auth/access.js";
import type { Context } from "../../graphql/context.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../../graphql/errors.js";
import { validate } from "../../graphql/validate.js";
import { audited, type Tx } from "../audit/audit.service.js";
import { requireOwned, requirePermission } from "../client/client-access.js";

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

/** Live members of the client's Owner role other than `exceptMemberId`. */
function otherLiveOwners(tx: Tx, clientId: string, exceptMemberId: string) {
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

async function assignableRole(ctx: Context, grant: Grant, clientId: string, roleId: string) {
  const role = await ctx.db.role.findUnique({ where: { id: roleId } });
  if (!role || role.clientId !== clientId) throw new NotFoundError("Role not found.");
  if (role.level > grant.level) throw new ForbiddenError("You cannot assign a role above your own level.");
  return role;
}

type MemberRow = { user: { email: string }; role: { key: string }; expiresAt: Date | null };
const summarize = (member: MemberRow) => ({
  email: member.user.email,
  role: member.role.key,
  expiresAt: member.expiresAt?.toISOString() ?? null,
});

export async function addMember({
  ctx,
  clientId,
  input,
}: {
  ctx: Context;
  clientId: string;
  input: { email: string; roleId: string; expiresAt?: Date | null };
}) {
  const data = validate(z.object({ email, roleId: z.string(), expiresAt }), input);
  const grant = await requirePermission(ctx, clientId, "members:manage");
  const role = await assignableRole(ctx, grant, clientId, data.roleId);
  const user = await ctx.db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (!user) throw new NotFoundError("There is no Gatehouse account with this e-mail address.");
  const member = await audited(ctx, clientId, async (tx) => {
    const existing = await tx.member.findUnique({ where: { clientId_userId: { clientId, userId: user.id } } });
    if (existing) throw new ConflictError("This person is already a member of the client.");
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
  });
  ctx.access.reset();
  return member;
}

/** Loads the member and checks that the caller may manage it (its role is not above theirs). */
async function manageableMember(ctx: Context, memberId: string) {
  const row = await ctx.db.member.findUnique({ where: { id: memberId }, include: { user: true, role: true } });
  const member = await requireOwned(ctx, row, "members:manage", "Member");
  const grant = await requirePermission(ctx, member.clientId, "members:manage");
  if (member.role.level > grant.level) {
    throw new ForbiddenError("You cannot change a member whose role is above yours.");
  }
  return { member, grant };
}

export async function updateMember({
  ctx,
  memberId,
  input,
}: {
  ctx: Context;
  memberId: string;
  input: { roleId?: string | null; expiresAt?: Date | null };
}) {
  const data = validate(z.object({ roleId: z.string().nullish(), expiresAt }), input);
  const { member, grant } = await manageableMember(ctx, memberId);
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

export async function removeMember({ ctx, memberId }: { ctx: Context; memberId: string }) {
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
