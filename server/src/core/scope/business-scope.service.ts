import { z } from "zod";
import type { Scope } from "../../generated/prisma/client.js";
import { type ReleasedField, SCOPE_CATALOGUE_ENTRIES } from "../../seed/catalogue.js";
import { audited } from "../audit/audit.service.js";
import { requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ConflictError } from "../errors.js";
import { requireStaffPowers } from "../staff/staff-access.js";
import { validate } from "../validate.js";

/** Scope names Gatehouse itself gives a meaning: the built-in catalogue and OpenID Connect's standard scopes. */
export const RESERVED_SCOPE_KEYS: readonly string[] = [
  ...SCOPE_CATALOGUE_ENTRIES.map((entry) => entry.key),
  "openid",
  "profile",
  "email",
  "address",
  "phone",
  "offline_access",
];

/** The profile fields a catalogue scope staff add may release (addresses and socials keep their own scopes). */
export const CATALOGUE_RELEASABLE: readonly ReleasedField[] = [
  "name",
  "given_name",
  "family_name",
  "email",
  "email_verified",
  "picture",
  "birth_date",
  "gender",
  "second_email",
  "country",
];

/** Claim names a client's private scope may not use: the standard ones Gatehouse fills itself. */
const STANDARD_CLAIMS = new Set<string>([
  ...CATALOGUE_RELEASABLE,
  "sub",
  "birthdate",
  "address",
  "addresses",
  "socials",
]);

const text = (max: number, label: string) =>
  z.string().trim().min(1, `Enter ${label}.`).max(max, `Use at most ${max} characters.`);

const catalogueInput = z.object({
  key: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9_.-]{2,39}$/,
      "Use 3 to 40 lowercase letters, digits, dots, dashes or underscores, starting with a letter.",
    )
    .refine((key) => !RESERVED_SCOPE_KEYS.includes(key), "This key is built into Gatehouse."),
  name: text(80, "a name"),
  description: text(300, "the consent text"),
  tier: z.enum(["BASIC", "VERIFIED"]),
  claims: z
    .array(
      z.enum(CATALOGUE_RELEASABLE as [ReleasedField, ...ReleasedField[]], "Choose profile fields Gatehouse knows."),
    )
    .min(1, "Choose at least one field the scope releases.")
    .max(CATALOGUE_RELEASABLE.length),
});

/** Platform staff add a scope to the catalogue; every client may then enable it (VERIFIED ones after verification). */
export async function addCatalogueScope({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { key: string; name: string; description: string; tier: "BASIC" | "VERIFIED"; claims: readonly string[] };
}): Promise<Scope> {
  await requireStaffPowers(ctx, "add scopes to the catalogue");
  const { key, name, description, tier, claims } = validate(catalogueInput, input);
  if (await ctx.db.scope.findUnique({ where: { key } }))
    throw new ConflictError(`A scope called "${key}" exists already.`);
  const released = [...new Set(claims)].join(" ");
  return audited(ctx, null, async (tx) => {
    const created = await tx.scope.create({ data: { key, name, description, tier, claims: released } });
    return {
      result: created,
      action: "scope.created",
      targetType: "Scope",
      targetId: key,
      after: { key, name, tier, claims: released },
    };
  });
}

const privateInput = z.object({
  name: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9_-]{1,39}$/,
      "Use 2 to 40 lowercase letters, digits, dashes or underscores, starting with a letter.",
    ),
  displayName: text(80, "a name"),
  description: text(300, "the consent text"),
  claims: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9_]{1,39}$/, "Name claims with 2 to 40 lowercase letters, digits or underscores.")
        .refine((claim) => !STANDARD_CLAIMS.has(claim), "This claim is one Gatehouse fills itself."),
    )
    .min(1, "Name at least one claim.")
    .max(20, "Use at most 20 claims."),
});

/** A private scope's key: namespaced to its client, so it can clash with nothing else. */
export const privateScopeKey = (clientId: string, name: string) => `${clientId}:${name}`;

/**
 * A client defines a scope of its own: released only to itself, with custom claims it sets per person.
 * It is enabled for the client at once, so the consent screen asks for it. Needs scopes:manage.
 */
export async function definePrivateScope({
  ctx,
  clientId,
  input,
}: {
  ctx: ServiceContext;
  clientId: string;
  input: { name: string; displayName: string; description: string; claims: readonly string[] };
}): Promise<Scope> {
  await requirePermission(ctx, clientId, "scopes:manage");
  const { name, displayName, description, claims } = validate(privateInput, input);
  const key = privateScopeKey(clientId, name);
  if (await ctx.db.scope.findUnique({ where: { key } }))
    throw new ConflictError(`This client has a scope called "${name}" already.`);
  const released = [...new Set(claims)].join(" ");
  return audited(ctx, clientId, async (tx) => {
    const created = await tx.scope.create({
      data: { key, name: displayName, description, tier: "BASIC", claims: released, ownerClientId: clientId },
    });
    await tx.clientScope.create({ data: { clientId, scopeId: created.id, enabled: true } });
    return {
      result: created,
      action: "client_scope.private_created",
      targetType: "Scope",
      targetId: key,
      after: { key, name: displayName, claims: released },
    };
  });
}
