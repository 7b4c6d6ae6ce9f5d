import { z } from "zod";
import { ensureBelowLimit } from "../../db/count-limit.js";
import type { Address } from "../../generated/prisma/client.js";
import type { Context } from "../../graphql/context.js";
import { ConflictError, NotFoundError } from "../../graphql/errors.js";
import { validate } from "../../graphql/validate.js";
import { audited, type Tx } from "../audit/audit.service.js";
import { accountOwner } from "./account-caller.js";
import { countryByCode } from "./country.js";

export const MAX_ADDRESSES = 20;

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

const addressFields = {
  label: optional(50, "label"),
  line1: required(200, "street and number"),
  line2: optional(200, "second address line"),
  city: required(100, "city"),
  region: optional(100, "region"),
  postalCode: optional(20, "postal code"),
  countryCode: z.string({ error: "Choose a country." }),
  isDefault: z.boolean().nullish(),
};
const createInput = z.object(addressFields);
const updateInput = z.object(addressFields).partial();

export type AddressInput = { [K in keyof typeof addressFields]?: string | boolean | null | undefined };

const summary = (address: Address) => ({
  label: address.label,
  city: address.city,
  countryId: address.countryId,
  isDefault: address.isDefault,
});

/** At most one default address: making one the default clears the flag on the others. */
async function clearOtherDefaults(tx: Tx, userId: string, keepId: string) {
  await tx.address.updateMany({ where: { userId, isDefault: true, id: { not: keepId } }, data: { isDefault: false } });
}

async function ownAddress(ctx: Context, userId: string, addressId: string): Promise<Address> {
  const address = await ctx.db.address.findFirst({ where: { id: addressId, userId } });
  if (!address) throw new NotFoundError("Address not found.");
  return address;
}

export async function createAddress({ ctx, input }: { ctx: Context; input: AddressInput }): Promise<Address> {
  const viewer = accountOwner(ctx);
  const { countryCode, isDefault, ...fields } = validate(createInput, input);
  const country = await countryByCode(ctx.db, countryCode);
  return audited(ctx, null, async (tx) => {
    await ensureBelowLimit(
      tx,
      { table: "User", id: viewer.id },
      {
        max: MAX_ADDRESSES,
        count: () => tx.address.count({ where: { userId: viewer.id } }),
        refuse: () => new ConflictError(`You can save at most ${MAX_ADDRESSES} addresses. Delete one first.`),
      },
    );
    const address = await tx.address.create({
      data: { ...fields, userId: viewer.id, countryId: country.id, isDefault: isDefault ?? false },
    });
    if (address.isDefault) await clearOtherDefaults(tx, viewer.id, address.id);
    return {
      result: address,
      action: "address.created",
      targetType: "Address",
      targetId: address.id,
      after: summary(address),
    };
  });
}

export async function updateAddress({
  ctx,
  addressId,
  input,
}: {
  ctx: Context;
  addressId: string;
  input: AddressInput;
}): Promise<Address> {
  const viewer = accountOwner(ctx);
  const existing = await ownAddress(ctx, viewer.id, addressId);
  const { countryCode, isDefault, ...fields } = validate(updateInput, input);
  const country = countryCode === undefined ? undefined : await countryByCode(ctx.db, countryCode);
  const data = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return audited(ctx, null, async (tx) => {
    const address = await tx.address.update({
      where: { id: existing.id },
      data: {
        ...data,
        ...(country ? { countryId: country.id } : {}),
        ...(isDefault === undefined || isDefault === null ? {} : { isDefault }),
      },
    });
    if (address.isDefault) await clearOtherDefaults(tx, viewer.id, address.id);
    return {
      result: address,
      action: "address.updated",
      targetType: "Address",
      targetId: address.id,
      before: summary(existing),
      after: summary(address),
    };
  });
}

export async function deleteAddress({ ctx, addressId }: { ctx: Context; addressId: string }) {
  const viewer = accountOwner(ctx);
  const existing = await ownAddress(ctx, viewer.id, addressId);
  return audited(ctx, null, async (tx) => {
    await tx.address.delete({ where: { id: existing.id } });
    return {
      result: { id: existing.id },
      action: "address.deleted",
      targetType: "Address",
      targetId: existing.id,
      before: summary(existing),
    };
  });
}
