import type { User } from "../../generated/prisma/client.js";
import { cancelDeletionOnSignIn } from "../account/deletion.service.js";
import type { ServiceContext } from "../context.js";
import { recordSignInPlace } from "../two-factor/new-device.js";
import { startSession } from "./session.js";

/**
 * Signs `user` in on this browser: a new session, and the one it replaces (if any) ends. Every way of
 * signing in ends here (password, second factor, upstream provider), so a pending account deletion is
 * cancelled here too.
 */
export async function startViewerSession(ctx: ServiceContext, user: User, remember = false): Promise<User> {
  await cancelDeletionOnSignIn(ctx, user);
  if (ctx.sessionId) await ctx.db.session.deleteMany({ where: { id: ctx.sessionId } });
  ctx.sessionChanges.push(await startSession(ctx.db, ctx.config, user.id, ctx, { remember }));
  await recordSignInPlace(ctx, user);
  ctx.viewer = user;
  return user;
}
