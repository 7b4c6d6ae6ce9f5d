import { z } from "zod";
import { audited } from "../audit/audit.service.js";
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, newApiToken } from "../auth/api-token.js";
import type { ServiceContext } from "../context.js";
import { ForbiddenError, NotAuthenticatedError, NotFoundError } from "../errors.js";
import { type Reauthentication, reauthenticateWith } from "../security/reauthentication.js";
import { validate } from "../validate.js";

const DAY_MS = 86_400_000;

const createInput = z.object({
  label: z.string().trim().min(1, "Give the token a label.").max(100, "Use at most 100 characters."),
  expiresAt: z
    .date()
    .refine((date) => date.getTime() > Date.now(), "The expiry must be in the future.")
    .refine(
      (date) => date.getTime() <= Date.now() + API_TOKEN_MAX_DAYS * DAY_MS,
      `A token can live at most ${API_TOKEN_MAX_DAYS} days.`,
    )
    .nullish(),
});

/** Tokens are made in a browser session only: a token cannot mint more tokens. */
function sessionViewer(ctx: ServiceContext) {
  if (!ctx.viewer) throw new NotAuthenticatedError();
  if (ctx.actor.kind !== "session")
    throw new ForbiddenError("API tokens can only be managed from a signed-in browser.");
  return ctx.viewer;
}

/**
 * A token acts as the person from anywhere, so minting one needs proof that it is them again (password, passkey
 * or code, whichever they have), not just a session.
 */
export async function createApiToken({
  ctx,
  label: rawLabel,
  expiresAt: rawExpiresAt,
  ...proof
}: { ctx: ServiceContext; label: string; expiresAt?: Date | null } & Reauthentication) {
  const viewer = sessionViewer(ctx);
  const { label, expiresAt } = validate(createInput, { label: rawLabel, expiresAt: rawExpiresAt });
  await reauthenticateWith(ctx, proof);
  const token = newApiToken();
  const row = await audited(ctx, null, async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: viewer.id,
        label,
        tokenHash: token.tokenHash,
        prefix: token.prefix,
        expiresAt: expiresAt ?? new Date(Date.now() + API_TOKEN_DEFAULT_DAYS * DAY_MS),
      },
    });
    return {
      result: created,
      action: "apiToken.created",
      targetType: "ApiToken",
      targetId: created.id,
      after: { label },
    };
  });
  return { token: row, value: token.value };
}

export async function revokeApiToken({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const viewer = sessionViewer(ctx);
  const token = await ctx.db.apiToken.findFirst({ where: { id, userId: viewer.id } });
  if (!token) throw new NotFoundError("API token not found.");
  return audited(ctx, null, async (tx) => {
    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: token.revokedAt ?? new Date() } });
    return {
      result: revoked,
      action: "apiToken.revoked",
      targetType: "ApiToken",
      targetId: id,
      before: { label: token.label },
    };
  });
}
