import { dayIn, listIn, type MailCatalogue, momentIn, type VerificationChange } from "./catalogue.js";

const LOCALE = "en-GB";
const day = (date: Date) => dayIn(LOCALE, date);

const VERIFICATION: Record<VerificationChange, string> = {
  requested: "verification requested",
  approved: "verification approved",
  rejected: "verification rejected",
  revoked: "verification revoked",
  cancelled: "verification request cancelled",
};

export const en: MailCatalogue = {
  verifyEmail: ({ name, code, link }) => ({
    subject: "Confirm your e-mail address",
    text: `Hello ${name},\n\nYour code to confirm your e-mail address for Gatehouse is:\n\n${code}\n\nEnter it within 10 minutes where Gatehouse asks for it. Or open this link within 24 hours:\n\n${link}\n\nIf you did not create an account, ignore this message.\n`,
  }),
  passwordReset: ({ name, link }) => ({
    subject: "Reset your Gatehouse password",
    text: `Hello ${name},\n\nSomeone asked to reset the password of your Gatehouse account. Choose a new password within one hour:\n\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.\n`,
  }),
  emailChangeConfirm: ({ name, link }) => ({
    subject: "Confirm your new e-mail address",
    text: `Hello ${name},\n\nConfirm that Gatehouse should use this address for your account by opening this link within 24 hours:\n\n${link}\n`,
  }),
  emailChangeNotice: ({ name, newEmail }) => ({
    subject: "Your e-mail address is about to change",
    text: `Hello ${name},\n\nSomeone signed in to your Gatehouse account asked to change its e-mail address to ${newEmail}. If it was not you, change your password now.\n`,
  }),
  signInCode: ({ name, code }) => ({
    subject: `${code} is your Gatehouse sign-in code`,
    text: `Hello ${name},\n\nYour code to finish signing in to Gatehouse is:\n\n${code}\n\nIt works once, for 10 minutes. If you did not just sign in, change your password: someone knows it.\n`,
  }),
  reauthenticationCode: ({ name, code }) => ({
    subject: `${code} is your Gatehouse confirmation code`,
    text: `Hello ${name},\n\nYour code to confirm a change to your Gatehouse account is:\n\n${code}\n\nIt works once, for 10 minutes. If you did not just ask for it, someone is signed in to your account: sign out its sessions under Account → Sessions.\n`,
  }),
  newSignIn: ({ name, browser, ip, time }) => ({
    subject: "New sign-in to your Gatehouse account",
    text: `Hello ${name},\n\nYour Gatehouse account was just signed in to from a device and network it had not used before:\n\n  Browser: ${browser ?? "unknown"}\n  IP address: ${ip ?? "unknown"}\n  Time: ${momentIn(LOCALE, time)}\n\nIf this was you, there is nothing to do. If not, change your password now and sign out the session under Account → Sessions.\n`,
  }),
  deletionScheduled: ({ name, purgeAt, apps }) => ({
    subject: "Your Gatehouse account will be deleted",
    text:
      `Hello ${name},\n\nYour Gatehouse account and everything it holds will be deleted on ${day(purgeAt)}.` +
      `${apps.length ? ` These apps will be told: ${listIn(LOCALE, apps)}.` : ""}\n\n` +
      "Changed your mind? Sign in before then and the deletion is cancelled.\n",
  }),
  deletionCancelled: ({ name }) => ({
    subject: "Your Gatehouse account will not be deleted",
    text: `Hello ${name},\n\nYou signed in again, so your account stays and nothing was deleted.\n`,
  }),
  invitation: ({ inviter, clientName, roleName, expiresAt, link }) => ({
    subject: `You are invited to ${clientName} on Gatehouse`,
    text: [
      `${inviter ?? "A team member"} invites you to help manage ${clientName} on Gatehouse, as ${roleName}.`,
      "",
      "Open this link to see the invitation and accept or decline it. Sign in (or register) with this",
      `address first; the link works once and until ${day(expiresAt)}.`,
      "",
      link,
    ].join("\n"),
  }),
  verificationChange: ({ clientName, change, domains, scopes, note, link }) => {
    const lines = [`The verification of ${clientName} on Gatehouse: ${VERIFICATION[change]}.`];
    if (domains) lines.push(`Domains: ${domains.join(", ") || "none"}.`);
    if (scopes) lines.push(`Scopes: ${scopes.join(", ") || "none"}.`);
    if (note) lines.push("", `Note: ${note}`);
    lines.push("", link);
    return { subject: `${clientName}: ${VERIFICATION[change]}`, text: lines.join("\n") };
  },
  secretExpiring: ({ clientName, label, prefix, expiresAt, link }) => ({
    subject: `A client secret of ${clientName} expires on ${day(expiresAt)}`,
    text: [
      `The client secret "${label}" (${prefix}…) of ${clientName} stops working at ${momentIn(LOCALE, expiresAt)}.`,
      "Rotate it before then so your app keeps working: the new secret is linked to the same domains, and",
      "the old one keeps working for a grace period while you deploy the new value.",
      "",
      link,
    ].join("\n"),
  }),
  accessRequest: ({ kind, clientName, scopes, link }) => {
    const name = clientName ?? "An app";
    const asks =
      kind === "ACCESS"
        ? `${name} asks for access to more of your data: ${scopes.join(", ")}.`
        : `${name} invites you to test its app before it opens to everyone.`;
    return {
      subject: kind === "ACCESS" ? `${name} asks for access to your data` : `${name} invites you to test its app`,
      text: `${asks}\n\nNothing changes unless you accept. Accept or decline on your account page:\n\n${link}\n\nTurn these mails off under Account → Notifications.\n`,
    };
  },
  invitationAnswered: ({ clientName, email, answer, roleName, link }) => ({
    subject: `${clientName}: ${email} ${answer} your invitation`,
    text: `${email} ${answer} the invitation to ${clientName} as ${roleName}.\n\n${link}\n`,
  }),
};
