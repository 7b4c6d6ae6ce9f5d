import { z } from "zod";
import { audited, type Tx } from "../audit/audit.service.js";
import { requireOwned, requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ensureRoomForSecret } from "../count-limits.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { validate } from "../validate.js";
import { newClientSecret } from "./secret-value.js";

const createInput = z.object({
  label: z
    .string()
    .trim()
    .min(1, "Give the secret a label.")
    .max(100, "Use at most 100 characters.")
    .nullish()
    .transform((label) => label ?? "Standard Key"),
  expiresAt: z
    .date()
    .refine((date) => date.getTime() > Date.now(), "The expiry must be in the future.")
    .nullish(),
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
  const { label, expiresAt, domainIds } = validate(createInput, input);
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
    const revoked = await tx.clientSecret.update({ where: { id: secret.id }, data: { revokedAt: new Date() } });
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
