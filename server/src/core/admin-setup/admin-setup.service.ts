import { rmSync } from "node:fs";
import { z } from "zod";
import type { User } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.service.js";
import { newSub } from "../auth/crypto.js";
import { hashPassword } from "../auth/password.js";
import { startSession } from "../auth/session.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, EmailTakenError, NotFoundError } from "../errors.js";
import { splitName } from "../user/user.service.js";
import { checkPasswordPolicy, validate } from "../validate.js";
import { setupLinkFile, setupLinkState } from "./setup-link.js";

const setupInput = z.object({
  token: z.string().max(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid e-mail address.").max(320, "The e-mail address is too long.")),
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for the name."),
  password: z.string().max(256, "Use at most 256 characters for the password."),
});

const refusals = {
  unknown: () => new NotFoundError("This setup link is not valid. Ask the operator for a new one."),
  used: () => new ConflictError("This setup link has already been used."),
  expired: () =>
    new ConflictError("This setup link has expired. Run `pnpm gatehouse admin create --email …` for a new one."),
};

/**
 * Redeems a setup link: creates the platform admin (or, for a link made for an existing account,
 * sets its password and makes it ADMIN) and signs them in. One conditional update claims the link,
 * so it works exactly once even when submitted twice at the same time.
 */
export async function completeAdminSetup({
  ctx,
  ...raw
}: {
  ctx: ServiceContext;
  token: string;
  email?: string | null | undefined;
  name?: string | null | undefined;
  password: string;
}): Promise<User> {
  const found = await setupLinkState(ctx.db, raw.token);
  if (found.state !== "valid") throw refusals[found.state]();
  const existing = found.email ? await ctx.db.user.findUnique({ where: { email: found.email } }) : null;
  const input = validate(setupInput, {
    token: raw.token,
    email: found.email ?? raw.email ?? "",
    name: existing?.name ?? raw.name ?? "",
    password: raw.password,
  });
  checkPasswordPolicy(input.password, { email: input.email, name: input.name });
  // A first-start link makes a new account; taking over someone's account needs `admin create --email`.
  if (!existing && (await ctx.db.user.findUnique({ where: { email: input.email }, select: { id: true } }))) {
    throw new EmailTakenError();
  }
  const passwordHash = await hashPassword(input.password);

  const user = await ctx.db.$transaction(async (tx) => {
    const claimed = await tx.adminSetupLink.updateMany({
      where: { id: found.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw refusals.used();
    const admin = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { passwordHash, platformRole: "ADMIN" } })
      : await tx.user.create({
          data: {
            email: input.email,
            name: input.name,
            ...splitName(input.name),
            passwordHash,
            sub: newSub(),
            platformRole: "ADMIN",
            // The operator chose this address for themselves; there is no one else to confirm it to.
            emailVerified: true,
          },
        });
    // A new password ends every session someone else may hold for this account.
    if (existing) await tx.session.deleteMany({ where: { userId: existing.id } });
    await tx.adminSetupLink.update({ where: { id: found.id }, data: { usedById: admin.id } });
    await recordAudit(tx, {
      action: "platform.admin_created",
      targetType: "User",
      targetId: admin.id,
      actorUserId: admin.id,
      details: {
        via: "setup_link",
        before: existing ? { platformRole: existing.platformRole } : null,
        after: { platformRole: "ADMIN" },
      },
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent ?? null,
    });
    return admin;
  });
  if (!found.email) rmSync(setupLinkFile(ctx.config.databaseUrl), { force: true });
  ctx.sessionChanges.push(await startSession(ctx.db, ctx.config, user.id, ctx));
  ctx.viewer = user;
  return user;
}
