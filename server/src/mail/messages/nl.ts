import {
  dayIn,
  type InvitationAnswer,
  listIn,
  type MailCatalogue,
  momentIn,
  type VerificationChange,
} from "./catalogue.js";

const LOCALE = "nl-NL";
const day = (date: Date) => dayIn(LOCALE, date);

const VERIFICATION: Record<VerificationChange, string> = {
  requested: "verificatie aangevraagd",
  approved: "verificatie goedgekeurd",
  rejected: "verificatie afgewezen",
  revoked: "verificatie ingetrokken",
  cancelled: "verificatieaanvraag geannuleerd",
};

const ANSWER: Record<InvitationAnswer, string> = { accepted: "geaccepteerd", declined: "afgewezen" };

export const nl: MailCatalogue = {
  verifyEmail: ({ name, code, link }) => ({
    subject: "Bevestig uw e-mailadres",
    text: `Beste ${name},\n\nUw code om uw e-mailadres voor Gatehouse te bevestigen is:\n\n${code}\n\nVul de code binnen 10 minuten in waar Gatehouse erom vraagt. Of open binnen 24 uur deze link:\n\n${link}\n\nHeeft u geen account aangemaakt? Dan kunt u dit bericht negeren.\n`,
  }),
  passwordReset: ({ name, link }) => ({
    subject: "Stel uw Gatehouse-wachtwoord opnieuw in",
    text: `Beste ${name},\n\nIemand heeft gevraagd het wachtwoord van uw Gatehouse-account opnieuw in te stellen. Kies binnen een uur een nieuw wachtwoord:\n\n${link}\n\nWas u dit niet? Negeer dan dit bericht: uw wachtwoord blijft zoals het is.\n`,
  }),
  emailChangeConfirm: ({ name, link }) => ({
    subject: "Bevestig uw nieuwe e-mailadres",
    text: `Beste ${name},\n\nBevestig dat Gatehouse dit adres voor uw account mag gebruiken door binnen 24 uur deze link te openen:\n\n${link}\n`,
  }),
  emailChangeNotice: ({ name, newEmail }) => ({
    subject: "Uw e-mailadres wordt gewijzigd",
    text: `Beste ${name},\n\nIemand die in uw Gatehouse-account is ingelogd, heeft gevraagd het e-mailadres te wijzigen in ${newEmail}. Was u dit niet? Wijzig dan nu uw wachtwoord.\n`,
  }),
  signInCode: ({ name, code }) => ({
    subject: `${code} is uw inlogcode voor Gatehouse`,
    text: `Beste ${name},\n\nUw code om het inloggen bij Gatehouse af te ronden is:\n\n${code}\n\nDe code werkt één keer, 10 minuten lang. Bent u niet net aan het inloggen? Wijzig dan uw wachtwoord: iemand anders kent het.\n`,
  }),
  reauthenticationCode: ({ name, code }) => ({
    subject: `${code} is uw bevestigingscode voor Gatehouse`,
    text: `Beste ${name},\n\nUw code om een wijziging in uw Gatehouse-account te bevestigen is:\n\n${code}\n\nDe code werkt één keer, 10 minuten lang. Heeft u er niet net om gevraagd? Dan is iemand anders in uw account ingelogd: beëindig de sessies onder Account → Sessies.\n`,
  }),
  newSignIn: ({ name, browser, ip, time }) => ({
    subject: "Nieuwe aanmelding bij uw Gatehouse-account",
    text: `Beste ${name},\n\nEr is zojuist ingelogd op uw Gatehouse-account vanaf een apparaat en netwerk die het nog niet eerder gebruikte:\n\n  Browser: ${browser ?? "onbekend"}\n  IP-adres: ${ip ?? "onbekend"}\n  Tijdstip: ${momentIn(LOCALE, time)}\n\nWas u dit zelf? Dan hoeft u niets te doen. Zo niet, wijzig dan nu uw wachtwoord en beëindig de sessie onder Account → Sessies.\n`,
  }),
  deletionScheduled: ({ name, purgeAt, apps }) => ({
    subject: "Uw Gatehouse-account wordt verwijderd",
    text:
      `Beste ${name},\n\nUw Gatehouse-account en alles wat erin staat, wordt op ${day(purgeAt)} verwijderd.` +
      `${apps.length ? ` Deze apps krijgen daarvan bericht: ${listIn(LOCALE, apps)}.` : ""}\n\n` +
      "Bedacht? Log voor die datum opnieuw in, dan wordt de verwijdering geannuleerd.\n",
  }),
  deletionCancelled: ({ name }) => ({
    subject: "Uw Gatehouse-account wordt niet verwijderd",
    text: `Beste ${name},\n\nU bent opnieuw ingelogd, dus uw account blijft bestaan en er is niets verwijderd.\n`,
  }),
  invitation: ({ inviter, clientName, roleName, expiresAt, link }) => ({
    subject: `U bent uitgenodigd voor ${clientName} op Gatehouse`,
    text: [
      `${inviter ?? "Een teamlid"} nodigt u uit om ${clientName} op Gatehouse mee te beheren, als ${roleName}.`,
      "",
      "Open deze link om de uitnodiging te bekijken en te accepteren of af te wijzen. Log eerst in (of registreer)",
      `met dit adres; de link werkt één keer en tot ${day(expiresAt)}.`,
      "",
      link,
    ].join("\n"),
  }),
  verificationChange: ({ clientName, change, domains, scopes, note, link }) => {
    const lines = [`De verificatie van ${clientName} op Gatehouse: ${VERIFICATION[change]}.`];
    if (domains) lines.push(`Domeinen: ${domains.join(", ") || "geen"}.`);
    if (scopes) lines.push(`Scopes: ${scopes.join(", ") || "geen"}.`);
    if (note) lines.push("", `Opmerking: ${note}`);
    lines.push("", link);
    return { subject: `${clientName}: ${VERIFICATION[change]}`, text: lines.join("\n") };
  },
  secretExpiring: ({ clientName, label, prefix, expiresAt, link }) => ({
    subject: `Een client secret van ${clientName} verloopt op ${day(expiresAt)}`,
    text: [
      `Het client secret "${label}" (${prefix}…) van ${clientName} werkt niet meer vanaf ${momentIn(LOCALE, expiresAt)}.`,
      "Vervang het voor die tijd, zodat uw app blijft werken: het nieuwe secret hoort bij dezelfde domeinen, en",
      "het oude blijft nog een tijdje werken terwijl u de nieuwe waarde uitrolt.",
      "",
      link,
    ].join("\n"),
  }),
  accessRequest: ({ kind, clientName, scopes, link }) => {
    const name = clientName ?? "Een app";
    const asks =
      kind === "ACCESS"
        ? `${name} vraagt toegang tot meer van uw gegevens: ${scopes.join(", ")}.`
        : `${name} nodigt u uit om de app te testen voordat die voor iedereen opengaat.`;
    return {
      subject:
        kind === "ACCESS" ? `${name} vraagt toegang tot uw gegevens` : `${name} nodigt u uit om de app te testen`,
      text: `${asks}\n\nEr verandert niets tenzij u accepteert. Accepteer of weiger op uw accountpagina:\n\n${link}\n\nU kunt deze mails uitzetten onder Account → Meldingen.\n`,
    };
  },
  invitationAnswered: ({ clientName, email, answer, roleName, link }) => ({
    subject: `${clientName}: ${email} heeft uw uitnodiging ${ANSWER[answer]}`,
    text: `${email} heeft de uitnodiging voor ${clientName} als ${roleName} ${ANSWER[answer]}.\n\n${link}\n`,
  }),
};
