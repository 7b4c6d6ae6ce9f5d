/**
 * Every mail Gatehouse sends, by key, with what its text needs. Each language's catalogue is typed as
 * `MailCatalogue`, so a key one language misses is a type error (and `mail-catalogue.test.ts` checks it
 * again at run time).
 */
export type Composed = { subject: string; text: string };

export type InvitationAnswer = "accepted" | "declined";

export type VerificationChange = "requested" | "approved" | "rejected" | "revoked" | "cancelled";

export type MailCatalogue = {
  /** Registration, or "send it again": a 6-digit code and a link, either proves the person owns their address. */
  verifyEmail(p: { name: string; code: string; link: string }): Composed;
  passwordReset(p: { name: string; link: string }): Composed;
  /** To the new address: confirm the change. */
  emailChangeConfirm(p: { name: string; link: string }): Composed;
  /** To the old address: a change was asked for. */
  emailChangeNotice(p: { name: string; newEmail: string }): Composed;
  signInCode(p: { name: string; code: string }): Composed;
  /** A signed-in person asked for a code to confirm a sensitive change (no app or passkey to confirm with). */
  reauthenticationCode(p: { name: string; code: string }): Composed;
  newSignIn(p: { name: string; browser: string | null; ip: string | null; time: Date }): Composed;
  deletionScheduled(p: { name: string; purgeAt: Date; apps: string[] }): Composed;
  deletionCancelled(p: { name: string }): Composed;
  invitation(p: {
    inviter: string | null;
    clientName: string;
    roleName: string;
    expiresAt: Date;
    link: string;
  }): Composed;
  verificationChange(p: {
    clientName: string;
    change: VerificationChange;
    domains?: string[];
    scopes?: string[];
    note?: string | null;
    link: string;
  }): Composed;
  secretExpiring(p: { clientName: string; label: string; prefix: string; expiresAt: Date; link: string }): Composed;
  /** To the person: a client asks for more of their data (ACCESS) or invites them to test (TEST_USER). */
  accessRequest(p: {
    kind: "ACCESS" | "TEST_USER";
    clientName: string | null;
    scopes: string[];
    link: string;
  }): Composed;
  /** To the client's owners: someone answered an invitation. */
  invitationAnswered(p: {
    clientName: string;
    email: string;
    answer: InvitationAnswer;
    roleName: string;
    link: string;
  }): Composed;
};

export type MailKey = keyof MailCatalogue;
export type MailParams<K extends MailKey> = Parameters<MailCatalogue[K]>[0];

/** A day as people write it in `locale`, in UTC (the recipient's time zone is unknown). */
export const dayIn = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);

/** A moment as people write it in `locale`, in UTC, saying so. */
export const momentIn = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "long", timeZone: "UTC" }).format(date);

/** "a, b and c" in `locale`. */
export const listIn = (locale: string, items: string[]) =>
  new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
