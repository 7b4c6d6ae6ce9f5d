import { accountOwner, ownAccountOnly } from "../../core/account/account-caller.js";
import { createAddress, deleteAddress, updateAddress } from "../../core/account/address.service.js";
import {
  ConflictError,
  ForbiddenError,
  NotAuthenticatedError,
  NotFoundError,
  ValidationError,
} from "../../core/errors.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";

/** GraphQL sends null for an omitted optional field; null on update means "leave as is" only for type. */
const given = <T extends Record<string, unknown>>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([key, value]) => !(value === null && key === "type")));

const AddressType = builder.prismaObject("Address", {
  description: "One of the signed-in person's postal addresses, in the XWMS address model.",
  authScopes: (address, ctx) => ctx.viewer?.id === address.userId,
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.exposeString("type", { description: "shipping, billing, both or other." }),
    name: t.exposeString("name", { nullable: true }),
    companyName: t.exposeString("companyName", { nullable: true }),
    firstname: t.exposeString("firstname", { nullable: true }),
    lastname: t.exposeString("lastname", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    taxNr: t.exposeString("taxNr", { nullable: true }),
    registrationNr: t.exposeString("registrationNr", { nullable: true }),
    accessCode: t.exposeString("accessCode", { nullable: true }),
    postalCode: t.exposeString("postalCode", { nullable: true }),
    houseNumber: t.exposeString("houseNumber", { nullable: true }),
    street: t.exposeString("street"),
    city: t.exposeString("city"),
    country: t.relation("country"),
    isDefault: t.exposeBoolean("isDefault"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField("User", "addresses", (t) =>
  t.relation("addresses", {
    authScopes: ownAccountOnly,
    description: "The default address first, then the oldest first.",
    query: { orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }] },
  }),
);

type FieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];
const optionalFields = (t: FieldBuilder) => ({
  type: t.string({ required: false, description: "shipping (default), billing, both or other." }),
  name: t.string({ required: false }),
  companyName: t.string({ required: false }),
  firstname: t.string({ required: false }),
  lastname: t.string({ required: false }),
  phone: t.string({ required: false }),
  email: t.string({ required: false }),
  taxNr: t.string({ required: false }),
  registrationNr: t.string({ required: false }),
  accessCode: t.string({ required: false }),
  postalCode: t.string({ required: false }),
  houseNumber: t.string({ required: false }),
  isDefault: t.boolean({ required: false, description: "Making this the default clears the others." }),
});

const CreateAddressInput = builder.inputType("CreateAddressInput", {
  fields: (t) => ({
    ...optionalFields(t),
    street: t.string(),
    city: t.string(),
    countryCode: t.string({ description: "ISO 3166 alpha-2 or alpha-3, any case." }),
  }),
});

const UpdateAddressInput = builder.inputType("UpdateAddressInput", {
  description: "Fields left out stay as they are.",
  fields: (t) => ({
    addressId: t.id(),
    ...optionalFields(t),
    street: t.string({ required: false }),
    city: t.string({ required: false }),
    countryCode: t.string({ required: false }),
  }),
});

const addressErrors = [NotAuthenticatedError, ForbiddenError, NotFoundError, ConflictError, ValidationError];

/** The signed-in person acting on their own addresses. */
function ownerActor(ctx: Context) {
  const viewer = accountOwner(ctx);
  return { actor: { ...ctx, clientId: null }, userId: viewer.id };
}

builder.mutationField("createAddress", (t) =>
  t.field({
    type: AddressType,
    args: { input: t.arg({ type: CreateAddressInput }) },
    errors: { types: addressErrors },
    resolve: (_root, { input }, ctx) => createAddress({ ...ownerActor(ctx), input }),
  }),
);

builder.mutationField("updateAddress", (t) =>
  t.field({
    type: AddressType,
    args: { input: t.arg({ type: UpdateAddressInput }) },
    errors: { types: addressErrors },
    resolve: (_root, { input: { addressId, ...input } }, ctx) =>
      updateAddress({ ...ownerActor(ctx), addressId: Number(addressId), input: given(input) }),
  }),
);

const DeletedAddress = builder.objectRef<{ id: number }>("DeletedAddress").implement({
  fields: (t) => ({ id: t.exposeID("id") }),
});

builder.mutationField("deleteAddress", (t) =>
  t.field({
    type: DeletedAddress,
    args: {
      input: t.arg({ type: builder.inputType("DeleteAddressInput", { fields: (f) => ({ addressId: f.id() }) }) }),
    },
    errors: { types: addressErrors },
    resolve: (_root, { input }, ctx) => deleteAddress({ ...ownerActor(ctx), addressId: Number(input.addressId) }),
  }),
);
