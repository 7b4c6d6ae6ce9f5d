import { z } from "zod";
import { audited, type Tx } from "../audit/audit.service.js";
import { requireOwned, requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ensureRoomForSecret } from "../count-limits.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { validate } from "../validate.js";
import { newClientSecret } from "./secret-value.js";

/** How long a rotated-out secret keeps working when the owner names no other grace period. */
export const DEFAULT_ROTATION_GRACE_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

/** An expiry must lie after `now` (the injected clock's), or be null for "never". */
const futureExpiry = (now: Date) =>
  z
    .date()
    .refine((date) => date.getTime() > now.getTime(), "The expiry must be in the future.")
    .nullish();

const createInput = (now: Date) =>
  z.object({
    label: z
      .string()
      .trim()
      .min(1, "Give the secret a label.")
      .max(100, "Use at most 100 characters.")
      .nullish()
      .transform((label) => label ?? "Standard Key"),
    expiresAt: futureExpiry(now),
    domainIds: z.array(z.string().min(1)).max(50, "Link at most 50 domains at once.").nullish(),
  });

/** Domains of the client by id; any id of another client (or none) answers NotFound, so tenants cannot be probed. */
async function clientDomains(db: ServiceContext["db"] | Tx, clientId: string, domainIds: readonly string[]) {
  const unique = [...new Set(domainIds)];
  const domains = await db.domain.findMany({
    where: { clientId, id: { in: unique } },
    select: { id: true, rootDomain: true },
  });
  if (domains.length !== unique.length) throw new NotFoundError("Domain not found.");
  return domains;
}

export async function createClientSecret({
  ctx,
  clientId,
  ...input
}: {
  ctx: ServiceContext;
  clientId: string;
  label?: string | null;
  expiresAt?: Date | null;
  domainIds?: readonly string[] | null;
}) {
  await requirePermission(ctx, clientId, "secrets:manage");
  const { label, expiresAt, domainIds } = validate(createInput(ctx.clock.now()), input);
  const domains = await clientDomains(ctx.db, clientId, domainIds ?? []);
  const secret = newClientSecret();
  const row = await audited(ctx, clientId, async (tx) => {
    await ensureRoomForSecret(tx, clientId);
    const created = await tx.clientSecret.create({
      data: {
        clientId,
        label,
        secretHash: secret.secretHash,
        prefix: secret.prefix,
        expiresAt: expiresAt ?? null,
        createdById: ctx.viewer?.id ?? null,
        domainLinks: { create: domains.map((domain) => ({ domainId: domain.id })) },
      },
    });
    return {
      result: created,
      action: "secret.created",
      targetType: "ClientSecret",
      targetId: created.id,
      after: {
        label,
        prefix: created.prefix,
        expiresAt: created.expiresAt?.toISOString() ?? null,
        domains: domains.map((domain) => domain.rootDomain),
      },
    };
  });
  // The value leaves the server only here, once; only its hash is stored.
  return { secret: row, value: secret.value };
}

async function ownedSecret(ctx: ServiceContext, secretId: string) {
  const row = await ctx.db.clientSecret.findUnique({ where: { id: secretId } });
  return requireOwned(ctx, row, "secrets:manage", "Client secret");
}

export async function revokeClientSecret({ ctx, secretId }: { ctx: ServiceContext; secretId: string }) {
  const secret = await ownedSecret(ctx, secretId);
  if (secret.revokedAt) throw new ConflictError("This client secret is already revoked.");
  return audited(ctx, secret.clientId, async (tx) => {
    const revoked = await tx.clientSecret.update({ where: { id: secret.id }, data: { revokedAt: ctx.clock.now() } });
    return {
      result: revoked,
      action: "secret.revoked",
      targetType: "ClientSecret",
      targetId: secret.id,
      before: { label: secret.label, prefix: secret.prefix, revokedAt: null },
      after: { label: secret.label, prefix: secret.prefix, revokedAt: revoked.revokedAt?.toISOString() ?? null },
    };
  });
}

export async function linkSecretToDomain({
  ctx,
  secretId,
  domainId,
}: {
  ctx: ServiceContext;
  secretId: string;
  domainId: string;
}) {
  const secret = await ownedSecret(ctx, secretId);
  const [domain] = await clientDomains(ctx.db, secret.clientId, [domainId]);
  if (!domain) throw new NotFoundError("Domain not found.");
  if (secret.revokedAt) throw new ConflictError("A revoked client secret cannot be linked to a domain.");
  const existing = await ctx.db.secretDomain.findUnique({ where: { secretId_domainId: { secretId, domainId } } });
  if (existing) throw new ConflictError(`This client secret is already linked to ${domain.rootDomain}.`);
  return audited(ctx, secret.clientId, async (tx) => {
    await tx.secretDomain.create({ data: { secretId, domainId } });
    return {
      result: secret,
      action: "secret.linked",
      targetType: "ClientSecret",
      targetId: secret.id,
      after: { label: secret.label, prefix: secret.prefix, domain: domain.rootDomain },
    };
  });
}

export async function unlinkSecretFromDomain({
  ctx,
  secretId,
  domainId,
}: {
  ctx: ServiceContext;
  secretId: string;
  domainId: string;
}) {
  const secret = await ownedSecret(ctx, secretId);
  const [domain] = await clientDomains(ctx.db, secret.clientId, [domainId]);
  if (!domain) throw new NotFoundError("Domain not found.");
  const existing = await ctx.db.secretDomain.findUnique({ where: { secretId_domainId: { secretId, domainId } } });
  if (!existing) throw new NotFoundError(`This client secret is not linked to ${domain.rootDomain}.`);
  return audited(ctx, secret.clientId, async (tx) => {
    await tx.secretDomain.delete({ where: { secretId_domainId: { secretId, domainId } } });
    return {
      result: secret,
      action: "secret.unlinked",
      targetType: "ClientSecret",
      targetId: secret.id,
      before: { label: secret.label, prefix: secret.prefix, domain: domain.rootDomain },
    };
  });
}

/** A secret that still works: not revoked and not past its expiry. */
function requireLive(secret: { revokedAt: Date | null; expiresAt: Date | null }, now: Date, doing: string) {
  if (secret.revokedAt) throw new ConflictError(`A revoked client secret cannot be ${doing}.`);
  if (secret.expiresAt && secret.expiresAt.getTime() <= now.getTime()) {
    throw new ConflictError(`An expired client secret cannot be ${doing}.`);
  }
}

const rotateInput = z.object({
  graceDays: z
    .number()
    .int("Use whole days.")
    .min(0, "Use 0 days or more.")
    .max(90, "Use at most 90 days.")
    .nullish()
    .transform((days) => days ?? DEFAULT_ROTATION_GRACE_DAYS),
});

/**
 * Rotation without downtime: a new secret with the same label, linked to the same domains, and the
 * old one keeps working for a grace period (never longer than it would have). The new value is shown once.
 */
export async function rotateClientSecret({
  ctx,
  secretId,
  graceDays,
}: {
  ctx: ServiceContext;
  secretId: string;
  graceDays?: number | null;
}) {
  const old = await ownedSecret(ctx, secretId);
  const now = ctx.clock.now();
  requireLive(old, now, "rotated");
  const grace = validate(rotateInput, { graceDays }).graceDays;
  const graceEnd = new Date(now.getTime() + grace * DAY_MS);
  const oldExpiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
  const secret = newClientSecret();
  const row = await audited(ctx, old.clientId, async (tx) => {
    await ensureRoomForSecret(tx, old.clientId);
    const links = await tx.secretDomain.findMany({
      where: { secretId: old.id },
      select: { domainId: true, domain: { select: { rootDomain: true } } },
    });
    const created = await tx.clientSecret.create({
      data: {
        clientId: old.clientId,
        label: old.label,
        secretHash: secret.secretHash,
        prefix: secret.prefix,
        createdById: ctx.viewer?.id ?? null,
        domainLinks: { create: links.map((link) => ({ domainId: link.domainId })) },
      },
    });
    await tx.clientSecret.update({ where: { id: old.id }, data: { expiresAt: oldExpiresAt } });
    return {
      result: created,
      action: "secret.rotated",
      targetType: "ClientSecret",
      targetId: old.id,
      before: { label: old.label, prefix: old.prefix, expiresAt: old.expiresAt?.toISOString() ?? null },
      after: {
        label: old.label,
        prefix: old.prefix,
        expiresAt: oldExpiresAt.toISOString(),
        replacedBy: { id: created.id, prefix: created.prefix },
        domains: links.map((link) => link.domain.rootDomain),
      },
    };
  });
  const previous = await ctx.db.clientSecret.findUniqueOrThrow({ where: { id: old.id } });
  // The value leaves the server only here, once; only its hash is stored.
  return { secret: row, value: secret.value, previous };
}

/** Changes when a secret stops working (null: never), without rotating it. */
export async function updateClientSecretExpiry({
  ctx,
  secretId,
  expiresAt,
}: {
  ctx: ServiceContext;
  secretId: string;
  expiresAt: Date | null;
}) {
  const secret = await ownedSecret(ctx, secretId);
  const now = ctx.clock.now();
  requireLive(secret, now, "changed");
  const { expiresAt: value } = validate(z.object({ expiresAt: futureExpiry(now) }), { expiresAt });
  return audited(ctx, secret.clientId, async (tx) => {
    const updated = await tx.clientSecret.update({ where: { id: secret.id }, data: { expiresAt: value ?? null } });
    return {
      result: updated,
      action: "secret.expiry_changed",
      targetType: "ClientSecret",
      targetId: secret.id,
      before: { label: secret.label, prefix: secret.prefix, expiresAt: secret.expiresAt?.toISOString() ?? null },
      after: { label: secret.label, prefix: secret.prefix, expiresAt: updated.expiresAt?.toISOString() ?? null },
    };
  });
}
