import { z } from "zod";
import type { Db } from "../../db/client.js";
import type { Access } from "../access.js";
import type { Actor } from "../actor.js";
import { audited } from "../audit/audit.service.js";
import { requirePermission } from "../client/client-access.js";
import { consentedUser } from "../consent/consented-user.js";
import type { ServiceContext } from "../context.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors.js";
import { validate } from "../validate.js";

/** Who sets claims: the client itself by its credentials (REST, GraphQL), or a member with scopes:manage (GraphQL). */
export type ClaimWriter = {
  db: Db;
  actor: Actor;
  viewer: { id: string } | null;
  access?: Access;
  ip?: string | undefined;
  userAgent?: string | undefined;
};

const valuesInput = z.record(
  z.string().max(40),
  z.string().max(1000, "Use at most 1000 characters per claim.").nullable(),
);

/**
 * Sets (or, with null, clears) custom claims of one of the client's private scopes for one person.
 * Only for a person who consented to that scope: anyone else, and any scope that is not the client's
 * own, gets the same "not found" as an unknown person or scope. Audited on the client.
 */
export async function setScopeClaims({
  ctx,
  clientId,
  scopeKey,
  sub,
  values,
}: {
  ctx: ClaimWriter;
  clientId: string;
  scopeKey: string;
  sub: string;
  values: Record<string, string | null>;
}): Promise<Record<string, string>> {
  if (ctx.actor.kind === "client") {
    if (ctx.actor.clientId !== clientId) throw new NotFoundError("Client not found.");
  } else if (ctx.access) {
    await requirePermission(ctx as ServiceContext, clientId, "scopes:manage");
  } else {
    throw new ForbiddenError("Only the client or its members can set claims.");
  }
  const parsed = validate(valuesInput, values);
  const scope = await ctx.db.scope.findUnique({ where: { key: scopeKey } });
  if (!scope || scope.ownerClientId !== clientId)
    throw new NotFoundError(`This client has no scope called "${scopeKey}".`);
  const known = (scope.claims ?? "").split(" ").filter(Boolean);
  const unknown = Object.keys(parsed).filter((claim) => !known.includes(claim));
  if (unknown.length > 0) {
    const message = `The ${scopeKey} scope has no claim called ${unknown.join(", ")}; it has ${known.join(", ")}.`;
    throw new ValidationError(message, [{ field: "claims", message }]);
  }
  const person = await consentedUser(ctx.db, clientId, sub);
  if (!person?.scopes.has(scopeKey)) throw new NotFoundError("User not found");
  const userId = person.user.id;
  return audited(ctx, clientId, async (tx) => {
    for (const [claim, value] of Object.entries(parsed)) {
      const where = { scopeId_userId_claim: { scopeId: scope.id, userId, claim } };
      if (value === null) await tx.scopeClaimValue.deleteMany({ where: where.scopeId_userId_claim });
      else
        await tx.scopeClaimValue.upsert({
          where,
          create: { scopeId: scope.id, userId, claim, value },
          update: { value },
        });
    }
    const rows = await tx.scopeClaimValue.findMany({ where: { scopeId: scope.id, userId } });
    const result = Object.fromEntries(rows.map((row) => [row.claim, row.value]));
    return {
      result,
      action: "scope_claims.set",
      targetType: "Scope",
      targetId: scopeKey,
      // Which claims changed, never their values: they are the person's data.
      after: { sub, claims: Object.keys(parsed).sort() },
    };
  });
}
