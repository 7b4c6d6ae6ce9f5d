import { builder } from "../../graphql/builder.js";
import {
  ConflictError,
  ForbiddenError,
  NotAuthenticatedError,
  NotFoundError,
  ValidationError,
} from "../../graphql/errors.js";
import { ownAccountOnly } from "./account-caller.js";
import { createAddress, deleteAddress, updateAddress } from "./address.service.js";

const AddressType = builder.prismaObject("Address", {
  description: "One of the signed-in person's postal addresses.",
  authScopes: (address, ctx) => ctx.viewer?.id === address.userId,
  fields: (t) => ({
    id: t.exposeID("id"),
    label: t.exposeString("label", { nullable: true }),
    line1: t.exposeString("line1"),
    line2: t.exposeString("line2", { nullable: true }),
    city: t.exposeString("city"),
    region: t.exposeString("region", { nullable: true }),
    postalCode: t.exposeString("postalCode", { nullable: true }),
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

const CreateAddressInput = builder.inputType("CreateAddressInput", {
  fields: (t) => ({
    label: t.string({ required: false }),
    line1: t.string(),
    line2: t.string({ required: false }),
    city: t.string(),
    region: t.string({ required: false }),
    postalCode: t.string({ required: false }),
    countryCode: t.string({ description: "ISO 3166 alpha-2 or alpha-3, any case." }),
    isDefault: t.boolean({ required: false, description: "Making this the default clears the others." }),
  }),
});

const UpdateAddressInput = builder.inputType("UpdateAddressInput", {
  description: "Fields left out stay as they are.",
  fields: (t) => ({
    addressId: t.id(),
    label: t.string({ required: false }),
    line1: t.string({ required: false }),
    line2: t.string({ required: false }),
    city: t.string({ required: false }),
    region: t.string({ required: false }),
    postalCode: t.string({ required: false }),
    countryCode: t.string({ required: false }),
    isDefault: t.boolean({ required: false }),
  }),
});

const addressErrors = [NotAuthenticatedError, ForbiddenError, NotFoundError, ConflictError, ValidationError];

builder.mutationField("createAddress", (t) =>
  t.field({
    type: AddressType,
    args: { input: t.arg({ type: CreateAddressInput }) },
    errors: { types: addressErrors },
    resolve: (_root, { input }, ctx) => createAddress({ ctx, input }),
  }),
);

builder.mutationField("updateAddress", (t) =>
  t.field({
    type: AddressType,
    args: { input: t.arg({ type: UpdateAddressInput }) },
    errors: { types: addressErrors },
    resolve: (_root, { input: { addressId, ...input } }, ctx) =>
      updateAddress({ ctx, addressId: String(addressId), input }),
  }),
);

const DeletedAddress = builder.objectRef<{ id: string }>("DeletedAddress").implement({
  fields: (t) => ({ id: t.exposeID("id") }),
});

builder.mutationField("deleteAddress", (t) =>
  t.field({
    type: DeletedAddress,
    args: {
      input: t.arg({ type: builder.inputType("DeleteAddressInput", { fields: (f) => ({ addressId: f.id() }) }) }),
    },
    errors: { types: addressErrors },
    resolve: (_root, { input }, ctx) => deleteAddress({ ctx, addressId: String(input.addressId) }),
  }),
);
