import { z } from "zod";
import type { Db } from "../../db/client.js";
import { ensureBelowLimit } from "../../db/count-limit.js";
import type { Address, Country } from "../../generated/prisma/client.js";
import { audited, type Tx } from "../audit/audit.service.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { validate } from "../validate.js";
import { countryByCode } from "./country.js";

export const MAX_ADDRESSES = 20;

/** The address kinds XWMS partners send; `shipping` when left out. */
export const ADDRESS_TYPES = ["shipping", "billing", "both", "other"] as const;

const required = (max: number, what: string) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(max, `Use at most ${max} characters for the ${what}.`);
const optional = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters for the ${what}.`)
    .nullish()
    .transform((value) => (value === "" ? null : value));

/** One rule per field, shared by every door; keys are the column names. */
export const addressFieldRules = {
  type: z.enum(ADDRESS_TYPES, { error: `Use one of: ${ADDRESS_TYPES.join(", ")}.` }),
  name: optional(100, "address name"),
  companyName: optional(200, "company name"),
  firstname: optional(100, "first name"),
  lastname: optional(100, "last name"),
  phone: optional(40, "phone number"),
  email: z
    .union([z.literal(""), z.email("Enter a valid e-mail address.").max(320)])
    .nullish()
    .transform((value) => (value === "" ? null : value)),
  taxNr: optional(50, "tax number"),
  registrationNr: optional(50, "registration number"),
  accessCode: optional(50, "access code"),
  postalCode: optional(20, "postal code"),
  houseNumber: optional(20, "house number"),
  street: required(200, "street"),
  city: required(100, "city"),
  countryCode: z
    .string({ error: "Choose a country." })
    .trim()
    .regex(/^[A-Za-z]{2,3}$/, "Use a two- or three-letter ISO country code, such as NL or NLD."),
  isDefault: z.boolean().nullish(),
};

const createInput = z.strictObject({ ...addressFieldRules, type: addressFieldRules.type.optional() });
const updateInput = z.strictObject(addressFieldRules).partial();

export type AddressInput = Partial<Record<keyof typeof addressFieldRules, unknown>>;
export type AddressWithCountry = Address & { country: Country };

/** Who changes an address, for the audit trail: the person in a browser, or a client on their behalf. */
export type AddressActor = Parameters<typeof audited>[0] & { clientId: string | null };

const withCountry = { country: true } as const;

const summary = (address: Address) => ({
  type: address.type,
  name: address.name,
  city: address.city,
  countryId: address.countryId,
  isDefault: address.isDefault,
});

/** At most one default address: making one the default clears the flag on the others. */
async function clearOtherDefaults(tx: Tx, userId: string, keepId: number) {
  await tx.address.updateMany({ where: { userId, isDefault: true, id: { not: keepId } }, data: { isDefault: false } });
}

/** The largest autoincrement id both databases hold: PostgreSQL's `integer` is 32-bit. */
const MAX_ROW_ID = 2_147_483_647;

/** An id outside the column's range names no row; asking the database would fail instead of answering. */
const isRowId = (id: number) => Number.isInteger(id) && id >= 1 && id <= MAX_ROW_ID;

async function ownAddress(db: Db, userId: string, addressId: number): Promise<Address> {
  const address = isRowId(addressId) ? await db.address.findFirst({ where: { id: addressId, userId } }) : null;
  if (!address) throw new NotFoundError("Address not found.");
  return address;
}

/** Only the given fields (undefined means "leave as is"). */
const given = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;

export function listAddresses(db: Db, userId: string): Promise<AddressWithCountry[]> {
  return db.address.findMany({
    where: { userId },
    include: withCountry,
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

export async function createAddress({
  actor,
  userId,
  input,
}: {
  actor: AddressActor;
  userId: string;
  input: AddressInput;
}): Promise<AddressWithCountry> {
  const { countryCode, isDefault, street, city, ...fields } = validate(createInput, input);
  const country = await countryByCode(actor.db, countryCode);
  return audited(actor, actor.clientId, async (tx) => {
    // Counted under the person's row lock, so concurrent creates cannot pass the limit together.
    await ensureBelowLimit(
      tx,
      { table: "User", id: userId },
      {
        max: MAX_ADDRESSES,
        count: () => tx.address.count({ where: { userId } }),
        refuse: () => new ConflictError(`At most ${MAX_ADDRESSES} addresses can be saved. Delete one first.`),
      },
    );
    const address = await tx.address.create({
      data: { ...given(fields), street, city, userId, countryId: country.id, isDefault: isDefault ?? false },
      include: withCountry,
    });
    if (address.isDefault) await clearOtherDefaults(tx, userId, address.id);
    return {
      result: address,
      action: "address.created",
      targetType: "Address",
      targetId: String(address.id),
      after: summary(address),
    };
  });
}

export async function updateAddress({
  actor,
  userId,
  addressId,
  input,
}: {
  actor: AddressActor;
  userId: string;
  addressId: number;
  input: AddressInput;
}): Promise<AddressWithCountry> {
  const existing = await ownAddress(actor.db, userId, addressId);
  const { countryCode, isDefault, ...fields } = validate(updateInput, input);
  const country = countryCode === undefined ? undefined : await countryByCode(actor.db, countryCode);
  return audited(actor, actor.clientId, async (tx) => {
    const address = await tx.address.update({
      where: { id: existing.id },
      data: {
        ...given(fields),
        ...(country ? { countryId: country.id } : {}),
        ...(isDefault === undefined || isDefault === null ? {} : { isDefault }),
      },
      include: withCountry,
    });
    if (address.isDefault) await clearOtherDefaults(tx, userId, address.id);
    return {
      result: address,
      action: "address.updated",
      targetType: "Address",
      targetId: String(address.id),
      before: summary(existing),
      after: summary(address),
    };
  });
}

export async function deleteAddress({
  actor,
  userId,
  addressId,
}: {
  actor: AddressActor;
  userId: string;
  addressId: number;
}): Promise<{ id: number }> {
  const existing = await ownAddress(actor.db, userId, addressId);
  return audited(actor, actor.clientId, async (tx) => {
    await tx.address.delete({ where: { id: existing.id } });
    return {
      result: { id: existing.id },
      action: "address.deleted",
      targetType: "Address",
      targetId: String(existing.id),
      before: summary(existing),
    };
  });
}
