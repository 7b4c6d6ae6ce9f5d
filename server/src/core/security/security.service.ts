import { z } from "zod";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { Prisma, type Session, type User } from "../../generated/prisma/client.js";
import { accountOwner } from "../account/account-caller.js";
import { audited } from "../audit/audit.service.js";
import { hashPassword } from "../auth/password.js";
import { endSession } from "../auth/session.js";
import type { Clock } from "../clock.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, EmailTakenError, NotAuthenticatedError, NotFoundError, RateLimitedError } from "../errors.js";
import { mailPersonQuietly } from "../mail/mail-person.js";
import { endOidcSessionsIfSignedOut } from "../oidc/oidc-session.js";
import { checkPasswordPolicy, validate } from "../validate.js";
import { newEmailCode } from "./email-code.js";
import { evictOldAccess } from "./eviction.js";
import { type Reauthentication, reauthenticate, reauthenticateWith } from "./reauthentication.js";
import { consumeToken, findUsableToken, issueUserToken } from "./user-token.js";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address.").max(320, "The e-mail address is too long."));
const token = z.string().min(1, "The link is missing its token.").max(200, "The link is not valid.");
const password = (what: string) => z.string().min(1, `Enter ${what}.`).max(1024, "The password is too long.");

const link = (config: Config, page: string, value: string) =>
  `${config.publicUrl}/${page}?token=${encodeURIComponent(value)}`;

/** Mails `user` a 6-digit code and a link, either of which proves they own their current address. */
export async function sendVerificationEmail(
  deps: { db: Db; config: Config; clock: Clock; acceptLanguage?: string | undefined },
  user: User,
): Promise<void> {
  const { code, stored } = await newEmailCode(deps, user);
  const value = await issueUserToken(deps.db, user.id, "EMAIL_VERIFICATION", user.email, stored);
  await mailPersonQuietly(deps, { email: user.email, userId: user.id }, "verifyEmail", {
    name: user.name,
    code,
    link: link(deps.config, "verify-email", value),
  });
}

/** Mails the viewer a new code and link; the earlier ones stop working. Limited per account. */
export async function resendVerificationEmail({ ctx }: { ctx: ServiceContext }): Promise<boolean> {
  if (!ctx.viewer) throw new NotAuthenticatedError();
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.viewer.id } });
  if (user.emailVerified) throw new ConflictError("Your e-mail address is already confirmed.");
  const wait = await ctx.rateLimiters.verificationMail(user.id);
  if (wait !== null) throw new RateLimitedError(wait);
  await sendVerificationEmail(ctx, user);
  return true;
}

export async function verifyEmail({ ctx, ...input }: { ctx: ServiceContext; token: string }): Promise<boolean> {
  const { token: value } = validate(z.object({ token }), input);
  const found = await findUsableToken(ctx.db, value, "EMAIL_VERIFICATION");
  await ctx.db.$transaction(async (tx) => {
    await consumeToken(tx, found);
    // A link mailed to an address the account no longer has proves nothing about the new one.
    await tx.user.updateMany({
      where: { id: found.userId, ...(found.newEmail ? { email: found.newEmail } : {}) },
      data: { emailVerified: true },
    });
  });
  return true;
}

/**
 * Always the same answer, by the same path: the link for a known address is issued and mailed after
 * the answer, so neither the reply nor its timing tells whether an account exists for the address.
 */
export async function requestPasswordReset({
  ctx,
  ...input
}: {
  ctx: ServiceContext;
  email: string;
}): Promise<boolean> {
  const { email: address } = validate(z.object({ email }), input);
  const user = await ctx.db.user.findUnique({ where: { email: address } });
  if (user) {
    void mailResetLink(ctx, user).catch((error: unknown) => {
      console.error(`Could not issue a reset link: ${error instanceof Error ? error.name : "unknown error"}`);
    });
  }
  return true;
}

async function mailResetLink(
  deps: { db: Db; config: Config; acceptLanguage?: string | undefined },
  user: User,
): Promise<void> {
  const value = await issueUserToken(deps.db, user.id, "PASSWORD_RESET");
  await mailPersonQuietly(deps, { email: user.email, userId: user.id }, "passwordReset", {
    name: user.name,
    link: link(deps.config, "reset-password", value),
  });
}

export async function resetPassword({
  ctx,
  ...input
}: {
  ctx: ServiceContext;
  token: string;
  newPassword: string;
}): Promise<boolean> {
  const { token: value, newPassword } = validate(
    z.object({ token, newPassword: z.string().max(1024, "The password is too long.") }),
    input,
  );
  const found = await findUsableToken(ctx.db, value, "PASSWORD_RESET");
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: found.userId } });
  checkPasswordPolicy(newPassword, user, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  // The person proved they read the mail, so the change is theirs even without a session.
  await audited({ ...ctx, viewer: { id: user.id } }, null, async (tx) => {
    await consumeToken(tx, found);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, emailVerified: true } });
    // Whoever knew the old password is shut out everywhere; consents stay.
    const evicted = await evictOldAccess(tx, user.id);
    return { result: true, action: "user.password.reset", targetType: "User", targetId: user.id, after: evicted };
  });
  return true;
}

export async function changePassword({
  ctx,
  ...input
}: {
  ctx: ServiceContext;
  currentPassword: string;
  newPassword: string;
}): Promise<User> {
  const { currentPassword, newPassword } = validate(
    z.object({
      currentPassword: password("your current password"),
      newPassword: z.string().max(1024, "The password is too long."),
    }),
    input,
  );
  const user = await reauthenticate(ctx, currentPassword);
  checkPasswordPolicy(newPassword, user, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  return audited(ctx, null, async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const evicted = await evictOldAccess(tx, user.id, ctx.sessionId);
    return { result: updated, action: "user.password.change", targetType: "User", targetId: user.id, after: evicted };
  });
}

/** Confirmed with whichever proof the person has: an account without a password can change its address too. */
export async function changeEmail({
  ctx,
  newEmail: rawEmail,
  ...proof
}: { ctx: ServiceContext; newEmail: string } & Reauthentication): Promise<boolean> {
  const { newEmail } = validate(z.object({ newEmail: email }), { newEmail: rawEmail });
  const user = await reauthenticateWith(ctx, proof);
  if (newEmail === user.email) {
    throw new ConflictError("This is already your e-mail address.");
  }
  if (await ctx.db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw new EmailTakenError();
  const value = await issueUserToken(ctx.db, user.id, "EMAIL_CHANGE", newEmail);
  await mailPersonQuietly(ctx, { email: newEmail, userId: user.id }, "emailChangeConfirm", {
    name: user.name,
    link: link(ctx.config, "confirm-email-change", value),
  });
  await mailPersonQuietly(ctx, { email: user.email, userId: user.id }, "emailChangeNotice", {
    name: user.name,
    newEmail,
  });
  return true;
}

const isEmailTaken = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function confirmEmailChange({ ctx, ...input }: { ctx: ServiceContext; token: string }): Promise<boolean> {
  const { token: value } = validate(z.object({ token }), input);
  const found = await findUsableToken(ctx.db, value, "EMAIL_CHANGE");
  const newEmail = found.newEmail;
  if (!newEmail) throw new ConflictError("This link does not name a new e-mail address.");
  // Someone may have registered the address since the mail went out.
  if (await ctx.db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw new EmailTakenError();
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: found.userId } });
  try {
    await audited({ ...ctx, viewer: { id: user.id } }, null, async (tx) => {
      await consumeToken(tx, found);
      await tx.user.update({ where: { id: user.id }, data: { email: newEmail, emailVerified: true } });
      return {
        result: true,
        action: "user.email.change",
        targetType: "User",
        targetId: user.id,
        before: { email: user.email },
        after: { email: newEmail },
      };
    });
  } catch (error) {
    if (isEmailTaken(error)) throw new EmailTakenError();
    throw error;
  }
  return true;
}

/** The viewer's live sessions, newest activity first. */
export function sessionsOf(ctx: ServiceContext, userId: string): Promise<Session[]> {
  return ctx.db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
}

export async function revokeSession({ ctx, sessionId }: { ctx: ServiceContext; sessionId: string }): Promise<User> {
  const viewer = accountOwner(ctx);
  await audited(ctx, null, async (tx) => {
    // Someone else's session answers exactly like one that does not exist.
    const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId: viewer.id } });
    if (count !== 1) throw new NotFoundError("No such session.");
    return { result: true, action: "session.revoke", targetType: "Session", targetId: sessionId };
  });
  // Revoking the session in use signs this browser out too.
  if (sessionId === ctx.sessionId) ctx.sessionChanges.push(await endSession(ctx.db, undefined));
  await endOidcSessionsIfSignedOut(ctx.db, viewer);
  return viewer;
}

export async function revokeOtherSessions({ ctx }: { ctx: ServiceContext }): Promise<User> {
  const viewer = accountOwner(ctx);
  return audited(ctx, null, async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: viewer.id, id: { not: ctx.sessionId ?? "" } } });
    return {
      result: viewer,
      action: "session.revoke_others",
      targetType: "User",
      targetId: viewer.id,
      after: { sessionsEnded: count },
    };
  });
}
