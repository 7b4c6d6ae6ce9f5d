import { z } from "zod";
import type { Domain } from "../../generated/prisma/client.js";
import { isStaff } from "../actor.js";
import { audited } from "../audit/audit.service.js";
import { requireOwned } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors.js";
import { validate } from "../validate.js";
import { checkDnsProof, checkHttpsProof, newOwnershipToken, type ProofOutcome } from "./ownership-proof.js";

export type OwnershipMethod = "DNS" | "HTTPS" | "STAFF";

/** Everyone may sign in through a domain only when it is proven and not in test mode; else only test users. */
export const openToEveryone = (domain: Pick<Domain, "testMode" | "ownershipVerified">) =>
  domain.ownershipVerified && !domain.testMode;

/** What "Check now" found by each method, and the domain as it is afterwards. */
export type OwnershipCheck = { domain: Domain; dns: ProofOutcome | null; https: ProofOutcome | null };

/** The proof token of an unverified domain, made on first use for rows that have none yet. */
async function proofToken(ctx: ServiceContext, domain: Domain): Promise<string> {
  if (domain.ownershipToken) return domain.ownershipToken;
  const token = newOwnershipToken();
  await ctx.db.domain.updateMany({ where: { id: domain.id, ownershipToken: null }, data: { ownershipToken: token } });
  const stored = await ctx.db.domain.findUniqueOrThrow({ where: { id: domain.id }, select: { ownershipToken: true } });
  return stored.ownershipToken ?? token;
}

/** Marks the domain verified, only if it still has the name that was proven; audited in the same transaction. */
async function markVerified(ctx: ServiceContext, domain: Domain, method: OwnershipMethod, note?: string | null) {
  return audited(ctx, domain.clientId, async (tx) => {
    const { count } = await tx.domain.updateMany({
      where: { id: domain.id, rootDomain: domain.rootDomain, ownershipVerified: false },
      data: { ownershipVerified: true, ownershipMethod: method, ownershipVerifiedAt: ctx.clock.now() },
    });
    if (count === 0) throw new ConflictError("This domain changed or was verified meanwhile; reload and check again.");
    const after = await tx.domain.findUniqueOrThrow({ where: { id: domain.id } });
    return {
      result: after,
      action: "domain.ownership_verified",
      targetType: "Domain",
      targetId: domain.id,
      before: { rootDomain: domain.rootDomain, ownershipVerified: false },
      after: { rootDomain: after.rootDomain, ownershipVerified: true, method, ...(note ? { note } : {}) },
    };
  });
}

/**
 * "Check now": looks for the DNS TXT record and the HTTPS file at once; either one proves the domain.
 * A failed check changes nothing and is not audited (it is only a look).
 */
export async function checkDomainOwnership({
  ctx,
  domainId,
}: {
  ctx: ServiceContext;
  domainId: string;
}): Promise<OwnershipCheck> {
  const domain = await requireOwned(
    ctx,
    await ctx.db.domain.findUnique({ where: { id: domainId } }),
    "domains:manage",
    "Domain",
  );
  if (domain.ownershipVerified) return { domain, dns: null, https: null };
  const token = await proofToken(ctx, domain);
  const [dns, https] = await Promise.all([
    checkDnsProof(domain.rootDomain, token, ctx.config),
    checkHttpsProof(domain.rootDomain, token, ctx.config),
  ]);
  const method: OwnershipMethod | null = dns === "VERIFIED" ? "DNS" : https === "VERIFIED" ? "HTTPS" : null;
  if (!method) {
    return { domain: await ctx.db.domain.findUniqueOrThrow({ where: { id: domainId } }), dns, https };
  }
  return { domain: await markVerified(ctx, domain, method), dns, https };
}

function requireStaff(ctx: ServiceContext) {
  if (!isStaff(ctx.actor)) throw new ForbiddenError("Only Gatehouse staff can verify a domain without its proof.");
}

/** Staff confirm a domain they checked another way (an internal host, say); the note says how. */
export async function verifyDomainOwnershipByStaff({
  ctx,
  domainId,
  note,
}: {
  ctx: ServiceContext;
  domainId: string;
  note?: string | null;
}): Promise<Domain> {
  requireStaff(ctx);
  const fields = validate(z.object({ note: z.string().trim().max(1000).nullish() }), { note });
  const domain = await ctx.db.domain.findUnique({ where: { id: domainId } });
  if (!domain) throw new NotFoundError("Domain not found.");
  if (domain.ownershipVerified) throw new ConflictError("This domain is already verified.");
  return markVerified(ctx, domain, "STAFF", fields.note || null);
}

/** Staff's list: unverified domains, newest first. */
export async function domainsAwaitingOwnership({ ctx }: { ctx: ServiceContext }) {
  requireStaff(ctx);
  return ctx.db.domain.findMany({
    where: { ownershipVerified: false },
    include: { client: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
}
