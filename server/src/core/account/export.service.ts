import type { ServiceContext } from "../context.js";
import { NOTIFICATION_KINDS, turnedOff } from "../notification/notification.js";
import { accountOwner } from "./account-caller.js";

/** Bumped when a field of the export changes meaning, so that tools reading it can tell. */
export const EXPORT_FORMAT = "gatehouse.account-export.v1";

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
const client = { select: { id: true, name: true } } as const;
const parsed = (details: string | null): unknown => {
  if (details === null) return null;
  try {
    return JSON.parse(details);
  } catch {
    return details;
  }
};

/**
 * Everything Gatehouse holds about the signed-in person, as one JSON-ready object: profile,
 * addresses, linked providers, passkeys, consents with their scopes and dates, app logins, sessions, API
 * tokens (never their values), access requests, memberships and the audit events about them.
 * Stored hashes (password, tokens) are left out: they are secrets, not information about the person.
 */
export async function exportAccount({ ctx }: { ctx: ServiceContext }) {
  const viewer = accountOwner(ctx);
  const userId = viewer.id;
  const db = ctx.db;
  const [user, addresses, socials, consents, logins, sessions, apiTokens, requests, memberships, ownedClients] =
    await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: userId }, include: { country: true } }),
      db.address.findMany({ where: { userId }, include: { country: true }, orderBy: { id: "asc" } }),
      db.social.findMany({ where: { userId }, orderBy: { platform: "asc" } }),
      db.consent.findMany({
        where: { userId },
        include: { client, scopes: { select: { scope: { select: { key: true } } } } },
        orderBy: { grantedAt: "asc" },
      }),
      db.clientUser.findMany({ where: { userId }, include: { client }, orderBy: { firstLoginAt: "asc" } }),
      db.session.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
      db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
      db.accessRequest.findMany({
        where: { userId },
        include: { client, scopes: { select: { scope: { select: { key: true } } } } },
        orderBy: { createdAt: "asc" },
      }),
      db.member.findMany({
        where: { userId },
        include: { client, role: { select: { key: true, name: true } } },
        orderBy: { createdAt: "asc" },
      }),
      db.client.findMany({ where: { ownerId: userId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ]);
  const preference = await db.userPreference.findUnique({
    where: { userId },
    select: { theme: true, language: true },
  });
  const mailsOff = await turnedOff(db, userId);
  const signInProviders = await db.upstreamIdentity.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  const passkeys = await db.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  const auditEvents = await db.auditEvent.findMany({
    where: { OR: [{ actorUserId: userId }, { targetId: userId }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return {
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    profile: {
      sub: user.sub,
      email: user.email,
      emailVerified: user.emailVerified,
      name: user.name,
      givenName: user.givenName,
      familyName: user.familyName,
      picture: user.picture,
      birthDate: iso(user.birthDate)?.slice(0, 10) ?? null,
      gender: user.gender,
      secondEmail: user.secondEmail,
      country: user.country?.shortName ?? null,
      plan: user.plan,
      platformRole: user.platformRole,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    addresses: addresses.map(({ userId: _owner, countryId: _country, country, createdAt, updatedAt, ...address }) => ({
      ...address,
      country: country.shortName,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
    })),
    linkedProviders: socials.map((social) => ({
      platform: social.platform,
      username: social.username,
      url: social.url,
      linkedAt: iso(social.createdAt),
    })),
    signInProviders: signInProviders.map((identity) => ({
      provider: identity.providerSlug,
      issuer: identity.issuer,
      subject: identity.subject,
      email: identity.email,
      linkedAt: iso(identity.createdAt),
      lastUsedAt: iso(identity.lastUsedAt),
    })),
    // The credential id names the passkey on the person's device; the public key and counter say nothing about them.
    passkeys: passkeys.map((passkey) => ({
      name: passkey.name,
      credentialId: passkey.credentialId,
      transports: passkey.transports ? passkey.transports.split(",") : [],
      backedUp: passkey.backedUp,
      createdAt: iso(passkey.createdAt),
      lastUsedAt: iso(passkey.lastUsedAt),
    })),
    consents: consents.map((consent) => ({
      client: consent.client,
      scopes: consent.scopes.map((entry) => entry.scope.key).sort(),
      grantedAt: iso(consent.grantedAt),
      updatedAt: iso(consent.updatedAt),
      revokedAt: iso(consent.revokedAt),
    })),
    appLogins: logins.map((login) => ({
      client: login.client,
      firstLoginAt: iso(login.firstLoginAt),
      lastLoginAt: iso(login.lastLoginAt),
      loginCount: login.loginCount,
      testUser: login.isTestUser,
    })),
    sessions: sessions.map((session) => ({
      ip: session.ip,
      userAgent: session.userAgent,
      createdAt: iso(session.createdAt),
      lastSeenAt: iso(session.lastSeenAt),
      expiresAt: iso(session.expiresAt),
    })),
    apiTokens: apiTokens.map((token) => ({
      label: token.label,
      prefix: token.prefix,
      createdAt: iso(token.createdAt),
      expiresAt: iso(token.expiresAt),
      lastUsedAt: iso(token.lastUsedAt),
      revokedAt: iso(token.revokedAt),
    })),
    accessRequests: requests.map((request) => ({
      client: request.client,
      kind: request.kind,
      status: request.status,
      message: request.message,
      scopes: request.scopes.map((entry) => entry.scope.key).sort(),
      createdAt: iso(request.createdAt),
      respondedAt: iso(request.respondedAt),
    })),
    memberships: memberships.map((member) => ({
      client: member.client,
      role: member.role,
      expiresAt: iso(member.expiresAt),
      since: iso(member.createdAt),
    })),
    ownedClients,
    preferences: {
      theme: preference?.theme ?? "system",
      language: preference?.language ?? null,
      notifications: NOTIFICATION_KINDS.map((kind) => ({ kind, enabled: !mailsOff.has(kind) })),
    },
    auditEvents: auditEvents.map((event) => ({
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      clientId: event.clientId,
      byYou: event.actorUserId === userId,
      details: parsed(event.details),
      ip: event.ip,
      userAgent: event.userAgent,
      at: iso(event.createdAt),
    })),
  };
}
