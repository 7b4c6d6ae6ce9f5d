import { z } from "zod";
import type { Domain, DomainUrlKind } from "../../generated/prisma/client.js";
import { audited, type Tx } from "../audit/audit.service.js";
import { requireOwned, requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ensureRoomForDomain, ensureRoomForDomainUrl } from "../count-limits.js";
import { ConflictError, NotFoundError, ValidationError } from "../errors.js";
import { fallbackAllowed } from "../login/redirect-url.js";
import { validate } from "../validate.js";
import { newDomainPublicId } from "./domain-id.js";
import {
  DOMAIN_DEFAULTS,
  type DomainFields,
  domainFieldsSchema,
  rootDomainSchema,
  urlSchema,
} from "./domain-validation.js";
import { newOwnershipToken } from "./ownership-proof.js";

/** What an audit event records about a domain (no secrets live on a domain). */
function summary(domain: Domain) {
  const { rootDomain, serverIp, internalName, logoUrl, fallbackUri } = domain;
  const { allowLogin, allowApi, active, primary, testMode, ownershipVerified } = domain;
  return {
    rootDomain,
    serverIp,
    internalName,
    logoUrl,
    fallbackUri,
    allowLogin,
    allowApi,
    active,
    primary,
    testMode,
    ownershipVerified,
  };
}

/** Input fields that were given; null on a non-nullable field means "leave as is". */
function given(input: Record<string, unknown>): Record<string, unknown> {
  const nullable = new Set(["serverIp", "internalName", "logoUrl", "fallbackUri"]);
  return Object.fromEntries(
    Object.entries(input).filter(([key, value]) => value !== undefined && (value !== null || nullable.has(key))),
  );
}

function duplicateDomain(rootDomain: string) {
  return new ConflictError(`This client already has the domain ${rootDomain}.`);
}

/** At most one primary domain per client: the others lose the flag in the same transaction. */
async function takePrimary(tx: Tx, clientId: string, domainId: string): Promise<string[]> {
  const others = await tx.domain.findMany({
    where: { clientId, primary: true, id: { not: domainId } },
    select: { rootDomain: true },
  });
  await tx.domain.updateMany({ where: { clientId, primary: true, id: { not: domainId } }, data: { primary: false } });
  return others.map((other) => other.rootDomain);
}

/** A fallback URI must lie on the domain or be one of its active callback URLs (no open redirect). */
async function checkFallback(tx: Tx, domain: Domain) {
  if (!domain.fallbackUri) return;
  const callbacks = await tx.domainUrl.findMany({ where: { domainId: domain.id, kind: "CALLBACK", active: true } });
  if (fallbackAllowed(domain, callbacks, domain.fallbackUri)) return;
  const message = `The fallback URI must be on ${domain.rootDomain} (or a subdomain), or one of its callback URLs.`;
  throw new ValidationError(message, [{ field: "fallbackUri", message }]);
}

async function ensureUnique(tx: Tx, clientId: string, rootDomain: string, exceptId?: string) {
  const existing = await tx.domain.findUnique({ where: { clientId_rootDomain: { clientId, rootDomain } } });
  if (existing && existing.id !== exceptId) throw duplicateDomain(rootDomain);
}

export async function createDomain({
  ctx,
  clientId,
  input,
}: {
  ctx: ServiceContext;
  clientId: string;
  input: Partial<Record<keyof DomainFields, unknown>>;
}) {
  await requirePermission(ctx, clientId, "domains:manage");
  const fields = validate(domainFieldsSchema.partial().extend({ rootDomain: rootDomainSchema }), given(input));
  return audited(ctx, clientId, async (tx) => {
    await ensureRoomForDomain(tx, clientId);
    await ensureUnique(tx, clientId, fields.rootDomain);
    const created = await tx.domain.create({
      // A new domain admits test users only until its ownership is proven (ownership.service.ts).
      data: {
        ...DOMAIN_DEFAULTS,
        ...fields,
        clientId,
        publicId: newDomainPublicId(),
        ownershipVerified: false,
        ownershipToken: newOwnershipToken(),
      },
    });
    await checkFallback(tx, created);
    const primaryTakenFrom = created.primary ? await takePrimary(tx, clientId, created.id) : [];
    return {
      result: created,
      action: "domain.created",
      targetType: "Domain",
      targetId: created.id,
      after: { ...summary(created), ...(primaryTakenFrom.length ? { primaryTakenFrom } : {}) },
    };
  });
}

async function ownedDomain(ctx: ServiceContext, domainId: string) {
  return requireOwned(ctx, await ctx.db.domain.findUnique({ where: { id: domainId } }), "domains:manage", "Domain");
}

export async function updateDomain({
  ctx,
  domainId,
  input,
}: {
  ctx: ServiceContext;
  domainId: string;
  input: Partial<Record<keyof DomainFields, unknown>>;
}) {
  const domain = await ownedDomain(ctx, domainId);
  const fields = validate(domainFieldsSchema.partial(), given(input));
  return audited(ctx, domain.clientId, async (tx) => {
    const before = await tx.domain.findUniqueOrThrow({ where: { id: domainId } });
    if (fields.rootDomain !== undefined) await ensureUnique(tx, domain.clientId, fields.rootDomain, domainId);
    const renamed = fields.rootDomain !== undefined && fields.rootDomain !== before.rootDomain;
    // A proof holds for one name: another name must be proven anew, with a new token.
    const reproof = renamed
      ? {
          ownershipVerified: false,
          ownershipMethod: null,
          ownershipVerifiedAt: null,
          ownershipToken: newOwnershipToken(),
        }
      : {};
    const after = await tx.domain.update({ where: { id: domainId }, data: { ...fields, ...reproof } });
    await checkFallback(tx, after);
    const primaryTakenFrom = fields.primary ? await takePrimary(tx, domain.clientId, domainId) : [];
    return {
      result: after,
      action: "domain.updated",
      targetType: "Domain",
      targetId: domainId,
      before: summary(before),
      after: { ...summary(after), ...(primaryTakenFrom.length ? { primaryTakenFrom } : {}) },
    };
  });
}

export async function deleteDomain({ ctx, domainId }: { ctx: ServiceContext; domainId: string }) {
  const domain = await ownedDomain(ctx, domainId);
  return audited(ctx, domain.clientId, async (tx) => {
    const before = await tx.domain.delete({ where: { id: domainId } });
    return {
      result: before,
      action: "domain.deleted",
      targetType: "Domain",
      targetId: domainId,
      before: summary(before),
    };
  });
}

const urlInput = z.object({ url: urlSchema, active: z.boolean().optional() });

function duplicateUrl(kind: DomainUrlKind) {
  return new ConflictError(`This domain already has that ${kind === "CALLBACK" ? "callback" : "webhook"} URL.`);
}

export async function addDomainUrl({
  ctx,
  domainId,
  kind,
  url,
  active,
}: {
  ctx: ServiceContext;
  domainId: string;
  kind: DomainUrlKind;
  url: string;
  active?: boolean | null;
}) {
  const domain = await ownedDomain(ctx, domainId);
  const fields = validate(urlInput, { url, active: active ?? undefined });
  return audited(ctx, domain.clientId, async (tx) => {
    const existing = await tx.domainUrl.findUnique({
      where: { domainId_kind_url: { domainId, kind, url: fields.url } },
    });
    if (existing) throw duplicateUrl(kind);
    await ensureRoomForDomainUrl(tx, domainId);
    const created = await tx.domainUrl.create({
      data: { domainId, kind, url: fields.url, active: fields.active ?? true },
      include: { domain: { select: { clientId: true } } },
    });
    return {
      result: created,
      action: "domain.url_added",
      targetType: "DomainUrl",
      targetId: created.id,
      after: { domain: domain.rootDomain, kind, url: created.url, active: created.active },
    };
  });
}

async function ownedUrl(ctx: ServiceContext, domainUrlId: string) {
  const row = await ctx.db.domainUrl.findUnique({ where: { id: domainUrlId }, include: { domain: true } });
  const owned = await requireOwned(
    ctx,
    row && { ...row, clientId: row.domain.clientId },
    "domains:manage",
    "Domain URL",
  );
  return owned;
}

export async function updateDomainUrl({
  ctx,
  domainUrlId,
  url,
  active,
}: {
  ctx: ServiceContext;
  domainUrlId: string;
  url?: string | null;
  active?: boolean | null;
}) {
  const existing = await ownedUrl(ctx, domainUrlId);
  const fields = validate(urlInput.partial(), { url: url ?? undefined, active: active ?? undefined });
  return audited(ctx, existing.clientId, async (tx) => {
    if (fields.url !== undefined && fields.url !== existing.url) {
      const clash = await tx.domainUrl.findUnique({
        where: { domainId_kind_url: { domainId: existing.domainId, kind: existing.kind, url: fields.url } },
      });
      if (clash) throw duplicateUrl(existing.kind);
    }
    const after = await tx.domainUrl.update({
      where: { id: domainUrlId },
      data: fields,
      include: { domain: { select: { clientId: true } } },
    });
    return {
      result: after,
      action: "domain.url_updated",
      targetType: "DomainUrl",
      targetId: domainUrlId,
      before: { domain: existing.domain.rootDomain, kind: existing.kind, url: existing.url, active: existing.active },
      after: { domain: existing.domain.rootDomain, kind: after.kind, url: after.url, active: after.active },
    };
  });
}

/** Removes the URL and answers with its domain, so that lists can refresh. */
export async function removeDomainUrl({ ctx, domainUrlId }: { ctx: ServiceContext; domainUrlId: string }) {
  const existing = await ownedUrl(ctx, domainUrlId);
  return audited(ctx, existing.clientId, async (tx) => {
    await tx.domainUrl.delete({ where: { id: domainUrlId } });
    const domain = await tx.domain.findUnique({ where: { id: existing.domainId } });
    if (!domain) throw new NotFoundError("Domain not found.");
    return {
      result: domain,
      action: "domain.url_removed",
      targetType: "DomainUrl",
      targetId: domainUrlId,
      before: { domain: domain.rootDomain, kind: existing.kind, url: existing.url, active: existing.active },
    };
  });
}
