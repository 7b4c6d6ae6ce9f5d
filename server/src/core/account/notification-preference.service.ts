import { z } from "zod";
import type { User } from "../../generated/prisma/client.js";
import type { ServiceContext } from "../context.js";
import { NOTIFICATION_KINDS, type NotificationKind, setNotification, turnedOff } from "../notification/notification.js";
import { validate } from "../validate.js";
import { accountOwner } from "./account-caller.js";

export type NotificationPreference = { kind: NotificationKind; enabled: boolean };

/** Every kind the person may switch, each with its current state (on unless turned off). */
export async function notificationPreferences(
  ctx: Pick<ServiceContext, "db">,
  userId: string,
): Promise<NotificationPreference[]> {
  const off = await turnedOff(ctx.db, userId);
  return NOTIFICATION_KINDS.map((kind) => ({ kind, enabled: !off.has(kind) }));
}

/** Turns one kind of mail on or off for the signed-in person. Their own inbox, not an access change: no audit event. */
export async function setNotificationPreference({
  ctx,
  ...input
}: {
  ctx: ServiceContext;
  kind: string;
  enabled: boolean;
}): Promise<User> {
  const viewer = accountOwner(ctx);
  const { kind, enabled } = validate(
    z.object({ kind: z.enum(NOTIFICATION_KINDS, "Unknown kind of notification."), enabled: z.boolean() }),
    input,
  );
  await setNotification(ctx.db, viewer.id, kind, enabled);
  return viewer;
}
