import type { Db } from "../../db/client.js";
import type { AccountDeletion, User } from "../../generated/prisma/client.js";
import { audited, recordAudit, type Tx } from "../audit/audit.service.js";
import { endSession } from "../auth/session.js";
import type { ServiceContext } from "../context.js";
import { ConflictError } from "../errors.js";
import { mailPersonQuietly } from "../mail/mail-person.js";
import { endOidcSessionsIfSignedOut } from "../oidc/oidc-session.js";
import { type Reauthentication, reauthenticateWith } from "../security/reauthentication.js";
import { accountOwner } from "./account-caller.js";

/** How long a deletion waits, so that signing in again can still undo it. */
export const DELETION_GRACE_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;

type Named = { id: string; name: string };

/** The clients that will receive `user.deleted`: every client the person logged in to or consented to. */
export async function appsToTell(db: Pick<Db | Tx, "client">, userId: string): Promise<Named[]> {
  return db.client.findMany({
    where: { OR: [{ consents: { some: { userId } } }, { clientUsers: { some: { userId } } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

const liveOwner = (now: Date) => ({
  OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  role: { key: "owner", status: "ACTIVE" as const, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
});

/**
 * Clients that would be left without an Owner: those the person owns (or is an Owner of) where no
 * other live Owner member exists. They must add another Owner or delete the client first.
 */
export async function clientsOnlyOwnedBy(db: Pick<Db | Tx, "client">, userId: string, now = new Date()) {
  return db.client.findMany({
    where: {
      OR: [{ ownerId: userId }, { members: { some: { userId, ...liveOwner(now) } } }],
      NOT: { members: { some: { userId: { not: userId }, ...liveOwner(now) } } },
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export type DeletionPlan = { apps: Named[]; soleOwnerOf: Named[]; scheduled: AccountDeletion | null };

/** What deleting would do now: which apps are told, and which clients block it. */
export async function deletionPlan({ ctx }: { ctx: ServiceContext }): Promise<DeletionPlan> {
  const viewer = accountOwner(ctx);
  const [apps, soleOwnerOf, scheduled] = await Promise.all([
    appsToTell(ctx.db, viewer.id),
    clientsOnlyOwnedBy(ctx.db, viewer.id),
    ctx.db.accountDeletion.findUnique({ where: { userId: viewer.id } }),
  ]);
  return { apps, soleOwnerOf, scheduled };
}

export const soleOwnerMessage = (clients: Named[]) =>
  `You are the only Owner of ${clients.map((client) => `"${client.name}"`).join(", ")}. ` +
  "Make another member an Owner of each, or delete them, before you delete your account.";

/**
 * Schedules the viewer's account for deletion once they prove it is them (password, passkey or app code). Every session and API
 * token ends at once; signing in again within the grace period cancels it.
 */
export async function requestAccountDeletion({
  ctx,
  ...proof
}: { ctx: ServiceContext } & Reauthentication): Promise<AccountDeletion> {
  const user = await reauthenticateWith(ctx, proof);
  const blocking = await clientsOnlyOwnedBy(ctx.db, user.id);
  if (blocking.length > 0) throw new ConflictError(soleOwnerMessage(blocking));
  const now = new Date();
  const purgeAt = new Date(now.getTime() + DELETION_GRACE_DAYS * DAY_MS);
  const apps = await appsToTell(ctx.db, user.id);
  const deletion = await audited(ctx, null, async (tx) => {
    if (await tx.accountDeletion.findUnique({ where: { userId: user.id } })) {
      throw new ConflictError("Your account is already scheduled for deletion.");
    }
    const created = await tx.accountDeletion.create({ data: { userId: user.id, requestedAt: now, purgeAt } });
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    const tokens = await tx.apiToken.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    });
    return {
      result: created,
      action: "user.deletion_requested",
      targetType: "User",
      targetId: user.id,
      after: {
        purgeAt: purgeAt.toISOString(),
        appsToTell: apps.map((app) => app.id),
        sessionsEnded: sessions.count,
        apiTokensRevoked: tokens.count,
      },
    };
  });
  ctx.sessionChanges.push(await endSession(ctx.db, undefined));
  await endOidcSessionsIfSignedOut(ctx.db, user);
  ctx.viewer = null;
  await mailPersonQuietly(ctx, { email: user.email, userId: user.id }, "deletionScheduled", {
    name: user.name,
    purgeAt,
    apps: apps.map((app) => app.name),
  });
  return deletion;
}

/** Signing in during the grace period cancels the deletion; returns whether one was cancelled. */
export async function cancelDeletionOnSignIn(ctx: ServiceContext, user: User): Promise<boolean> {
  const cancelled = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.accountDeletion.deleteMany({ where: { userId: user.id } });
    if (count === 1) {
      await recordAudit(tx, {
        action: "user.deletion_cancelled",
        targetType: "User",
        targetId: user.id,
        actorUserId: user.id,
        ip: ctx.ip ?? null,
        userAgent: ctx.userAgent ?? null,
      });
    }
    return count === 1;
  });
  if (cancelled) {
    await mailPersonQuietly(ctx, { email: user.email, userId: user.id }, "deletionCancelled", { name: user.name });
  }
  return cancelled;
}
