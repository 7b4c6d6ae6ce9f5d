import type { Consent } from "../../generated/prisma/client.js";
import { audited } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { enqueueWebhook } from "../webhook/webhook.service.js";
import { accountOwner } from "./account-caller.js";

/**
 * Withdraws the person's consent for a client: the client can no longer read them through the
 * partner API, its OAuth tokens for them stop working, and the next login asks for consent again.
 */
export async function revokeConsent({ ctx, consentId }: { ctx: ServiceContext; consentId: string }): Promise<Consent> {
  const viewer = accountOwner(ctx);
  const consent = await ctx.db.consent.findFirst({
    where: { id: consentId, userId: viewer.id, revokedAt: null },
    include: { scopes: { select: { scope: { select: { key: true } } } } },
  });
  if (!consent) throw new NotFoundError("Connected app not found.");
  const now = new Date();
  return audited(ctx, consent.clientId, async (tx) => {
    const revoked = await tx.consent.update({ where: { id: consent.id }, data: { revokedAt: now } });
    await tx.oAuthToken.updateMany({
      where: { clientId: consent.clientId, userId: viewer.id, revokedAt: null },
      data: { revokedAt: now },
    });
    // The OpenID Connect door's grants, codes and tokens for this person and client go with the consent.
    await tx.oidcRecord.deleteMany({ where: { clientId: consent.clientId, accountId: viewer.sub } });
    const scopes = consent.scopes.map((entry) => entry.scope.key).sort();
    await enqueueWebhook(tx, {
      clientId: consent.clientId,
      event: "consent.revoked",
      payload: { sub: viewer.sub, client_id: consent.clientId, scopes, revoked_at: now.toISOString() },
      now,
    });
    return {
      result: revoked,
      action: "consent.revoked",
      targetType: "Consent",
      targetId: consent.id,
      before: { scopes },
      after: { revoked: true },
    };
  });
}
