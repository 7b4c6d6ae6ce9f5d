import { z } from "zod";
import { ensureBelowLimit } from "../db/count-limit.js";
import type { Address, Country } from "../generated/prisma/client.js";
import { ValidationError } from "../graphql/errors.js";
import { MAX_ADDRESSES } from "../modules/account/address.service.js";
import { countryByCode } from "../modules/account/country.js";
import { recordAudit } from "../modules/audit/audit.service.js";
import { readJson } from "./body.js";
import { authenticate, type XwmsHandler } from "./deps.js";
import { success, XwmsError } from "./envelope.js";
import { consentedUser } from "./user.js";

const required = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value === "" ? null : value));

const addressFields = z.object({
  label: optional(50),
  line1: required(200),
  line2: optional(200),
  city: required(100),
  region: optional(100),
  postal_code: optional(20),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}$/, "must be an ISO 3166 alpha-2 or alpha-3 code"),
  is_default: z.boolean().nullish(),
});

const addressBody = z.discriminatedUnion("action", [
  z.object({ sub: z.union([z.string(), z.number()]), action: z.literal("list") }),
  z.object({ sub: z.union([z.string(), z.number()]), action: z.literal("create"), address: addressFields }),
  z.object({
    sub: z.union([z.string(), z.number()]),
    action: z.literal("update"),
    address_id: z.string().min(1, "is required"),
    address: addressFields.partial(),
  }),
  z.object({
    sub: z.union([z.string(), z.number()]),
    action: z.literal("delete"),
    address_id: z.string().min(1, "is required"),
  }),
]);

type AddressFields = Partial<z.infer<typeof addressFields>>;

/** The answer shape: snake_case, with the country as its ISO-2 code. */
const present = (address: Address & { country: Pick<Country, "shortName"> }) => ({
  id: address.id,
  label: address.label,
  line1: address.line1,
  line2: address.line2,
  city: address.city,
  region: address.region,
  postal_code: address.postalCode,
  country: address.country.shortName,
  is_default: address.isDefault,
});

async function resolveCountry(db: Parameters<typeof countryByCode>[0], code: string): Promise<Country> {
  try {
    return await countryByCode(db, code, "address.country");
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new XwmsError(400, "Invalid request: address.country is not a known ISO 3166 country code", {
      errors: [{ field: "address.country", message: "is not a known ISO 3166 country code" }],
    });
  }
}

/** Only the given fields, renamed to the columns (undefined means "leave as is"). */
function columns(fields: AddressFields, countryId: number | undefined) {
  const data = {
    label: fields.label,
    line1: fields.line1,
    line2: fields.line2,
    city: fields.city,
    region: fields.region,
    postalCode: fields.postal_code,
    countryId,
    isDefault: fields.is_default ?? undefined,
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Partial<typeof data>;
}

const withCountry = { country: { select: { shortName: true } } } as const;

/** POST /api/get/user/address and /api/user/address: a consented user's addresses, with `useraddresses`. */
export const userAddress: XwmsHandler = async (c, deps) => {
  const body = await readJson(c, addressBody);
  const auth = await authenticate(c, deps, "api");
  const { user, scopes } = await consentedUser(deps.db, auth, String(body.sub));
  if (!scopes.has("useraddresses")) throw new XwmsError(403, "The useraddresses scope is not granted");
  const db = deps.db;

  if (body.action === "list") {
    const addresses = await db.address.findMany({
      where: { userId: user.id },
      include: withCountry,
      orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    });
    return success(c, { addresses: addresses.map(present) });
  }

  const audit = (tx: Parameters<typeof recordAudit>[0], action: string, targetId: string) =>
    recordAudit(tx, {
      action,
      targetType: "Address",
      targetId,
      clientId: auth.client.id,
      actorClient: auth.client.id,
      details: { sub: user.sub },
    });

  if (body.action === "create") {
    const country = await resolveCountry(db, body.address.country);
    const address = await db.$transaction(async (tx) => {
      await ensureBelowLimit(
        tx,
        { table: "User", id: user.id },
        {
          max: MAX_ADDRESSES,
          count: () => tx.address.count({ where: { userId: user.id } }),
          refuse: () => new XwmsError(409, `A user can have at most ${MAX_ADDRESSES} addresses`),
        },
      );
      const created = await tx.address.create({
        data: {
          ...columns(body.address, country.id),
          line1: body.address.line1,
          city: body.address.city,
          countryId: country.id,
          userId: user.id,
        },
        include: withCountry,
      });
      // At most one default per user: the new default takes the flag from the others.
      if (created.isDefault) {
        await tx.address.updateMany({
          where: { userId: user.id, isDefault: true, id: { not: created.id } },
          data: { isDefault: false },
        });
      }
      await audit(tx, "address.created", created.id);
      return created;
    });
    return success(c, { address: present(address) }, "Address created");
  }

  const existing = await db.address.findFirst({ where: { id: body.address_id, userId: user.id } });
  if (!existing) throw new XwmsError(404, "Address not found");

  if (body.action === "update") {
    const code = body.address.country;
    const country = code === undefined ? undefined : await resolveCountry(db, code);
    const address = await db.$transaction(async (tx) => {
      const updated = await tx.address.update({
        where: { id: existing.id },
        data: columns(body.address, country?.id),
        include: withCountry,
      });
      if (updated.isDefault) {
        await tx.address.updateMany({
          where: { userId: user.id, isDefault: true, id: { not: updated.id } },
          data: { isDefault: false },
        });
      }
      await audit(tx, "address.updated", updated.id);
      return updated;
    });
    return success(c, { address: present(address) });
  }

  await db.$transaction(async (tx) => {
    await tx.address.delete({ where: { id: existing.id } });
    await audit(tx, "address.deleted", existing.id);
  });
  return success(c, { deleted: true, address_id: existing.id });
};
