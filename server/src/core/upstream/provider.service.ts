import { z } from "zod";
import { audited } from "../audit/audit.service.js";
import { encryptionKey, seal } from "../auth/sealed-box.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, NotFoundError, ValidationError } from "../errors.js";
import { requireStaffPowers } from "../staff/staff-access.js";
import { validate } from "../validate.js";
import { issuerProblem, normaliseScopes, preset } from "./presets.js";
import { allProviders } from "./providers.js";

const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "Use 2-40 lower-case letters, digits and dashes.");
const text = (max: number) => z.string().trim().min(1, "Fill this in.").max(max, `Use at most ${max} characters.`);
const iconField = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => value === "" || value.startsWith("https://"), "Use an https:// address.")
  .nullish();

const createInput = z.object({
  preset: z.enum(["GOOGLE", "MICROSOFT", "GENERIC"]),
  slug: slugField.nullish(),
  displayName: text(60).nullish(),
  issuer: z.string().trim().max(2048).nullish(),
  tenant: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]+$/, "Use common, organizations, consumers or a tenant id.")
    .nullish(),
  clientId: text(512),
  clientSecret: text(2048),
  scopes: z.string().trim().max(512).nullish(),
  iconUrl: iconField,
});

const updateInput = z.object({
  slug: slugField,
  displayName: text(60).nullish(),
  issuer: z.string().trim().max(2048).nullish(),
  clientId: text(512).nullish(),
  clientSecret: text(2048).nullish(),
  scopes: z.string().trim().max(512).nullish(),
  iconUrl: iconField,
  enabled: z.boolean().nullish(),
});

const requireStaff = (ctx: ServiceContext) => requireStaffPowers(ctx, "configure sign-in providers");

function checkIssuer(ctx: ServiceContext, issuer: string): void {
  const problem = issuerProblem(issuer, ctx.config.env);
  if (problem) throw new ValidationError("Check the issuer.", [{ field: "issuer", message: problem }]);
}

/** What an audit event may say about a provider: everything but the secret. */
const summary = (row: {
  slug: string;
  displayName: string;
  issuer: string;
  clientId: string;
  scopes: string;
  iconUrl: string | null;
  enabled: boolean;
}) => ({
  slug: row.slug,
  displayName: row.displayName,
  issuer: row.issuer,
  clientId: row.clientId,
  scopes: row.scopes,
  iconUrl: row.iconUrl,
  enabled: row.enabled,
});

/** Staff list every provider, environment ones included (read-only there). */
export async function listProvidersForStaff(ctx: ServiceContext) {
  await requireStaff(ctx);
  return allProviders(ctx.db, ctx.config);
}

/** Staff add a provider from a preset (Google, Microsoft) or any OpenID Connect issuer. */
export async function createUpstreamProvider(ctx: ServiceContext, raw: z.input<typeof createInput>) {
  await requireStaff(ctx);
  const input = validate(createInput, raw);
  const base = input.preset === "GENERIC" ? null : preset(input.preset, { tenant: input.tenant ?? undefined });
  const slug = input.slug ?? base?.slug;
  const displayName = input.displayName ?? base?.displayName;
  const issuer = input.issuer || base?.issuer;
  const missing = [
    ...(slug ? [] : [{ field: "slug", message: "Name the provider's key, e.g. acme-sso." }]),
    ...(displayName ? [] : [{ field: "displayName", message: "Name the button, e.g. Acme SSO." }]),
    ...(issuer ? [] : [{ field: "issuer", message: "Enter the issuer URL." }]),
  ];
  if (!slug || !displayName || !issuer) throw new ValidationError("Fill in the provider.", missing);
  checkIssuer(ctx, issuer);
  if ((await allProviders(ctx.db, ctx.config)).some((provider) => provider.slug === slug)) {
    throw new ConflictError(`A provider with the key "${slug}" already exists.`);
  }
  const scopes = normaliseScopes(input.scopes ? [input.scopes] : (base?.scopes ?? ["profile"])).join(" ");
  const clientSecretEncrypted = seal(
    await encryptionKey(ctx.db, ctx.config),
    "upstream-client-secret",
    input.clientSecret,
  );
  return audited(ctx, null, async (tx) => {
    const row = await tx.upstreamProvider.create({
      data: {
        slug,
        kind: input.preset,
        displayName,
        issuer,
        clientId: input.clientId,
        clientSecretEncrypted,
        scopes,
        iconUrl: input.iconUrl || null,
      },
    });
    return {
      result: row,
      action: "upstream_provider.created",
      targetType: "UpstreamProvider",
      targetId: row.id,
      after: summary(row),
    };
  });
}

/** Staff change a dashboard provider; a new secret replaces the old one, which is never shown. */
export async function updateUpstreamProvider(ctx: ServiceContext, raw: z.input<typeof updateInput>) {
  await requireStaff(ctx);
  const input = validate(updateInput, raw);
  const row = await ctx.db.upstreamProvider.findUnique({ where: { slug: input.slug } });
  if (!row || ctx.config.upstreamProviders.some((entry) => preset(entry.preset).slug === input.slug)) {
    throw new NotFoundError("No provider configured in the dashboard has this key.");
  }
  if (input.issuer) checkIssuer(ctx, input.issuer);
  const clientSecretEncrypted = input.clientSecret
    ? seal(await encryptionKey(ctx.db, ctx.config), "upstream-client-secret", input.clientSecret)
    : undefined;
  return audited(ctx, null, async (tx) => {
    const updated = await tx.upstreamProvider.update({
      where: { id: row.id },
      data: {
        displayName: input.displayName ?? undefined,
        issuer: input.issuer || undefined,
        clientId: input.clientId ?? undefined,
        clientSecretEncrypted,
        scopes: input.scopes ? normaliseScopes([input.scopes]).join(" ") : undefined,
        iconUrl: input.iconUrl === undefined ? undefined : input.iconUrl || null,
        enabled: input.enabled ?? undefined,
      },
    });
    return {
      result: updated,
      action: "upstream_provider.updated",
      targetType: "UpstreamProvider",
      targetId: row.id,
      before: summary(row),
      after: { ...summary(updated), secretReplaced: Boolean(clientSecretEncrypted) },
    };
  });
}

/** Staff remove a dashboard provider; people linked to it keep their accounts and other ways in. */
export async function deleteUpstreamProvider(ctx: ServiceContext, slug: string) {
  await requireStaff(ctx);
  const row = await ctx.db.upstreamProvider.findUnique({ where: { slug } });
  if (!row) throw new NotFoundError("No provider configured in the dashboard has this key.");
  return audited(ctx, null, async (tx) => {
    await tx.upstreamProvider.delete({ where: { id: row.id } });
    return {
      result: row,
      action: "upstream_provider.deleted",
      targetType: "UpstreamProvider",
      targetId: row.id,
      before: summary(row),
    };
  });
}
