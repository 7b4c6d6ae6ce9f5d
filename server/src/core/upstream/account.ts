import type { User } from "../../generated/prisma/client.js";
import { Prisma } from "../../generated/prisma/client.js";
import { accountOwner } from "../account/account-caller.js";
import { enabledProviderSlugs, hasPassword, keepAnotherWayIn, NO_PASSWORD } from "../account/ways-in.js";
import { recordAudit } from "../audit/audit.service.js";
import { newSub, randomToken, sha256 } from "../auth/crypto.js";
import { verifyPassword } from "../auth/password.js";
import { startViewerSession } from "../auth/viewer-session.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, InvalidLinkError, NotFoundError, UpstreamSignInError, WrongPasswordError } from "../errors.js";
import { requireSecondFactor } from "../two-factor/sign-in-challenge.js";
import { splitName } from "../user/user.service.js";
import type { UpstreamClaims } from "./flow.js";
import type { UpstreamProvider } from "./providers.js";

/** How long the person has to prove their existing account before the link offer lapses. */
const LINK_TICKET_TTL_MS = 15 * 60 * 1000;

export type UpstreamOutcome =
  | { kind: "signedIn"; user: User; returnTo: string }
  /** The e-mail belongs to an account that must be proven first: the ticket goes to the link page. */
  | { kind: "proveAccount"; ticket: string };

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

function auditEntry(ctx: ServiceContext, userId: string, action: string, details: Record<string, unknown>) {
  return {
    action,
    targetType: "User",
    targetId: userId,
    actorUserId: userId,
    details,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  };
}

/**
 * The account rules of an upstream sign-in. A linked identity signs its person in. Otherwise the
 * provider must vouch for the e-mail (email_verified): a new address makes an account; an address
 * that has one already is linked only after the person proves that account (never silently).
 */
export async function signInWithUpstream(
  ctx: ServiceContext,
  provider: UpstreamProvider,
  claims: UpstreamClaims,
  returnTo: string,
  retries = 2,
): Promise<UpstreamOutcome> {
  const identity = await ctx.db.upstreamIdentity.findUnique({
    where: { issuer_subject: { issuer: claims.issuer, subject: claims.subject } },
    include: { user: true },
  });
  if (identity) {
    if (identity.user.disabledAt) throw new UpstreamSignInError("ACCOUNT_UNAVAILABLE");
    await ctx.db.upstreamIdentity.update({
      where: { id: identity.id },
      data: { lastUsedAt: new Date(), email: claims.email ?? identity.email },
    });
    // The provider stands in for the password, never for the account's second factor or a new-place check.
    await requireSecondFactor(ctx, identity.user);
    return { kind: "signedIn", user: await startViewerSession(ctx, identity.user), returnTo };
  }

  if (!claims.email || !claims.emailVerified) throw new UpstreamSignInError("EMAIL_UNVERIFIED");
  const existing = await ctx.db.user.findUnique({ where: { email: claims.email } });
  if (existing) {
    if (existing.disabledAt) throw new UpstreamSignInError("ACCOUNT_UNAVAILABLE");
    const ticket = randomToken(32);
    await ctx.db.upstreamLinkTicket.create({
      data: {
        ticketHash: sha256(ticket),
        userId: existing.id,
        providerSlug: provider.slug,
        issuer: claims.issuer,
        subject: claims.subject,
        email: claims.email,
        returnTo,
        expiresAt: new Date(Date.now() + LINK_TICKET_TTL_MS),
      },
    });
    return { kind: "proveAccount", ticket };
  }

  const name =
    claims.name ??
    ([claims.givenName, claims.familyName].filter(Boolean).join(" ") || claims.email.split("@")[0] || claims.email);
  const split = splitName(name);
  try {
    const user = await ctx.db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: claims.email as string,
          emailVerified: true,
          name,
          givenName: claims.givenName ?? split.givenName,
          familyName: claims.familyName ?? split.familyName,
          picture: claims.picture,
          passwordHash: NO_PASSWORD,
          sub: newSub(),
        },
      });
      await tx.upstreamIdentity.create({
        data: {
          userId: created.id,
          providerSlug: provider.slug,
          issuer: claims.issuer,
          subject: claims.subject,
          email: claims.email,
          lastUsedAt: new Date(),
        },
      });
      await recordAudit(tx, auditEntry(ctx, created.id, "upstream.account_created", { provider: provider.slug }));
      return created;
    });
    return { kind: "signedIn", user: await startViewerSession(ctx, user), returnTo };
  } catch (error) {
    // Two first sign-ins at once (or a sub collision): the other made the account or the link; go again as the second.
    if (isUniqueViolation(error) && retries > 0)
      return signInWithUpstream(ctx, provider, claims, returnTo, retries - 1);
    throw error;
  }
}

async function openTicket(ctx: ServiceContext, ticket: string) {
  const found = await ctx.db.upstreamLinkTicket.findUnique({
    where: { ticketHash: sha256(ticket) },
    include: { user: true },
  });
  if (!found) throw new InvalidLinkError("NOT_FOUND");
  if (found.consumedAt) throw new InvalidLinkError("ALREADY_USED");
  if (found.expiresAt.getTime() <= Date.now()) throw new InvalidLinkError("EXPIRED");
  return found;
}

/** What the link page shows: which provider wants to join which account. */
export async function describeLinkTicket(ctx: ServiceContext, ticket: string) {
  const found = await openTicket(ctx, ticket);
  return {
    providerSlug: found.providerSlug,
    email: found.email,
    hasPassword: hasPassword(found.user),
    returnTo: found.returnTo,
  };
}

/**
 * The person proves the existing account with its password; then the provider is linked, the
 * ticket spent, and they are signed in. A wrong password counts against the sign-in throttle.
 */
export async function confirmUpstreamLink(
  ctx: ServiceContext,
  input: { ticket: string; password: string; proofOfWork?: string | null | undefined },
) {
  const found = await openTicket(ctx, input.ticket);
  const user = found.user;
  const throttle = ctx.rateLimiters.signIn;
  await throttle.admit({ email: user.email, ip: ctx.ip, proofOfWork: input.proofOfWork ?? null });
  if (user.disabledAt || !(await verifyPassword(user.passwordHash, input.password))) {
    await throttle.failed(user.email, ctx.ip);
    throw new WrongPasswordError();
  }
  await throttle.succeeded(user.email, ctx.ip);
  try {
    await ctx.db.$transaction(async (tx) => {
      const spent = await tx.upstreamLinkTicket.updateMany({
        where: { id: found.id, consumedAt: null, expiresAt: { gt: new Date() } },
        data: { consumedAt: new Date() },
      });
      if (spent.count !== 1) throw new InvalidLinkError("ALREADY_USED");
      const identity = await tx.upstreamIdentity.create({
        data: {
          userId: user.id,
          providerSlug: found.providerSlug,
          issuer: found.issuer,
          subject: found.subject,
          email: found.email,
          lastUsedAt: new Date(),
        },
      });
      await recordAudit(
        tx,
        auditEntry(ctx, user.id, "upstream.linked", { provider: found.providerSlug, identityId: identity.id }),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError("This provider account is already linked to a Gatehouse account.");
    throw error;
  }
  await requireSecondFactor(ctx, user);
  await startViewerSession(ctx, user);
  return { returnTo: found.returnTo };
}

/**
 * Unlinks one of the viewer's providers, as long as another way to sign in remains: a password, a
 * passkey or another linked provider.
 */
export async function unlinkUpstreamIdentity(ctx: ServiceContext, identityId: string) {
  const userId = accountOwner(ctx).id;
  const enabledSlugs = await enabledProviderSlugs(ctx);
  return ctx.db.$transaction(async (tx) => {
    const identity = await tx.upstreamIdentity.findFirst({ where: { id: identityId, userId } });
    if (!identity) throw new NotFoundError("No such linked provider.");
    await keepAnotherWayIn(tx, userId, enabledSlugs, { identityId: identity.id });
    await tx.upstreamIdentity.delete({ where: { id: identity.id } });
    await recordAudit(
      tx,
      auditEntry(ctx, userId, "upstream.unlinked", { provider: identity.providerSlug, identityId: identity.id }),
    );
    return identity;
  });
}
