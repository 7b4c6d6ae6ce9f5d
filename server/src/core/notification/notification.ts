import type { Db } from "../../db/client.js";
import type { MailKey, MailParams } from "../../mail/messages/index.js";
import { type MailDeps, mailPersonQuietly } from "../mail/mail-person.js";

/**
 * The mails a person may turn off, one switch each (Account → Notifications). Security mail (e-mail
 * confirmation and change, password reset, sign-in codes, account deletion) is not here: it always goes.
 */
export const NOTIFICATION_KINDS = [
  "ACCESS_REQUEST",
  "VERIFICATION",
  "INVITATION",
  "SECRET_EXPIRING",
  "SIGN_IN",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

type OptOutDb = Pick<Db, "notificationOptOut">;

/** The kinds `userId` turned off; every other kind is on. */
export async function turnedOff(db: OptOutDb, userId: string): Promise<Set<NotificationKind>> {
  const rows = await db.notificationOptOut.findMany({ where: { userId }, select: { kind: true } });
  return new Set(rows.map((row) => row.kind as NotificationKind));
}

export async function setNotification(db: OptOutDb, userId: string, kind: NotificationKind, enabled: boolean) {
  if (enabled) await db.notificationOptOut.deleteMany({ where: { userId, kind } });
  else {
    await db.notificationOptOut.upsert({
      where: { userId_kind: { userId, kind } },
      create: { userId, kind },
      update: {},
    });
  }
}

/** The addresses among `emails` whose accounts have not turned `kind` off. */
export async function addressesWanting(db: OptOutDb, emails: readonly string[], kind: NotificationKind) {
  if (emails.length === 0) return [];
  const off = await db.notificationOptOut.findMany({
    where: { kind, user: { email: { in: [...emails] } } },
    select: { user: { select: { email: true } } },
  });
  const silenced = new Set(off.map((row) => row.user.email));
  return emails.filter((email) => !silenced.has(email));
}

/** Mails one person `key`, in their language, unless they turned `kind` off; never fails the change it reports. */
export async function notifyPerson<K extends MailKey>(
  deps: MailDeps & { db: OptOutDb },
  person: { id: string; email: string },
  kind: NotificationKind,
  key: K,
  params: MailParams<K>,
): Promise<void> {
  const off = await deps.db.notificationOptOut.findUnique({ where: { userId_kind: { userId: person.id, kind } } });
  if (off) return;
  await mailPersonQuietly(deps, { email: person.email, userId: person.id }, key, params);
}
