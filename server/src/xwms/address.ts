import { z } from "zod";
import {
  type AddressInput,
  type AddressWithCountry,
  addressFieldRules,
  createAddress,
  deleteAddress,
  listAddresses,
  updateAddress,
} from "../core/account/address.service.js";
import { CoreError, ValidationError } from "../core/errors.js";
import { readJson } from "./body.js";
import { authenticate, type XwmsDeps, type XwmsHandler, type XwmsRequest } from "./deps.js";
import { success, XwmsError } from "./envelope.js";
import { envelopeError } from "./errors.js";
import { presentCountry } from "./global.js";
import { consentedUser, redirectUrlField, subField } from "./user.js";

/** XWMS wire name → the service's field; the rules themselves live once, in the service. */
const WIRE_NAMES = {
  type: "type",
  name: "name",
  company_name: "companyName",
  firstname: "firstname",
  lastname: "lastname",
  phone: "phone",
  email: "email",
  tax_nr: "taxNr",
  registration_nr: "registrationNr",
  access_code: "accessCode",
  postal_code: "postalCode",
  house_number: "houseNumber",
  street: "street",
  city: "city",
  country: "countryCode",
  is_default: "isDefault",
} as const satisfies Record<string, keyof typeof addressFieldRules>;

type WireName = keyof typeof WIRE_NAMES;
const wireRules = Object.fromEntries(
  Object.entries(WIRE_NAMES).map(([wire, field]) => [wire, addressFieldRules[field]]),
) as { [K in WireName]: (typeof addressFieldRules)[(typeof WIRE_NAMES)[K]] };

/** The documented XWMS address body; unknown fields are refused, never dropped. */
export const addressWire = z.strictObject(wireRules).meta({ id: "AddressInput" });
const addressWireCreate = addressWire.partial().required({ street: true, city: true, country: true });

const addressId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/, "must be a numeric id")], {
  error: "must be a numeric id",
});
const base = { sub: subField, redirect_url: redirectUrlField };

export const addressCrudBody = z.discriminatedUnion("action", [
  z.strictObject({ ...base, action: z.literal("list"), address_id: z.null().optional(), address: z.null().optional() }),
  z.strictObject({ ...base, action: z.literal("create"), address_id: z.null().optional(), address: addressWireCreate }),
  z.strictObject({ ...base, action: z.literal("update"), address_id: addressId, address: addressWire.partial() }),
  z.strictObject({ ...base, action: z.literal("delete"), address_id: addressId, address: z.null().optional() }),
]);

export const addressReadBody = z.strictObject(base);

const toInput = (wire: Partial<Record<WireName, unknown>>): AddressInput =>
  Object.fromEntries(Object.entries(wire).map(([key, value]) => [WIRE_NAMES[key as WireName], value]));

/** The answer shape: XWMS field names, a numeric id and the country as an object. */
export const presentAddress = (address: AddressWithCountry) => ({
  id: address.id,
  type: address.type,
  name: address.name,
  company_name: address.companyName,
  firstname: address.firstname,
  lastname: address.lastname,
  phone: address.phone,
  email: address.email,
  tax_nr: address.taxNr,
  registration_nr: address.registrationNr,
  access_code: address.accessCode,
  postal_code: address.postalCode,
  house_number: address.houseNumber,
  street: address.street,
  city: address.city,
  country: presentCountry(address.country),
  is_default: address.isDefault,
});

/** The service's errors as envelopes, with its field names turned back into the wire names the request used. */
function asEnvelope(error: unknown): never {
  if (error instanceof ValidationError) {
    const wire = error.fieldErrors.map(({ field, message }) => ({ field: `address.${wireName(field)}`, message }));
    throw envelopeError(new ValidationError(error.message, wire));
  }
  if (error instanceof CoreError) throw envelopeError(error);
  throw error;
}
const wireName = (field: string) => Object.entries(WIRE_NAMES).find(([, name]) => name === field)?.[0] ?? field;

async function addressOwner(request: XwmsRequest, deps: XwmsDeps, sub: string) {
  const auth = await authenticate(request, deps, "api");
  const { user, scopes } = await consentedUser(deps.db, auth, sub);
  if (!scopes.has("useraddresses")) throw new XwmsError(403, "The useraddresses scope is not granted");
  const actor = {
    db: deps.db,
    viewer: null,
    actor: auth,
    ip: request.ip,
    userAgent: request.header("user-agent"),
    clientId: auth.client.id,
  };
  return { actor, userId: user.id };
}

/** POST /api/get/user/address: a consented person's addresses; a read, so it takes no action. */
export const userAddressRead: XwmsHandler = async (request, deps) => {
  const body = await readJson(request, addressReadBody);
  const { userId } = await addressOwner(request, deps, body.sub);
  const addresses = await listAddresses(deps.db, userId);
  return success({ addresses: addresses.map(presentAddress) }, "User addresses retrieved successfully.");
};

/** POST /api/user/address: list, create, update or delete, with the `useraddresses` scope. */
export const userAddressCrud: XwmsHandler = async (request, deps) => {
  const body = await readJson(request, addressCrudBody);
  const { actor, userId } = await addressOwner(request, deps, body.sub);
  try {
    switch (body.action) {
      case "list": {
        const addresses = await listAddresses(deps.db, userId);
        return success({ addresses: addresses.map(presentAddress) }, "Addresses retrieved successfully.");
      }
      case "create": {
        const address = await createAddress({ actor, userId, input: toInput(body.address) });
        return success({ address: presentAddress(address) }, "Address created successfully.");
      }
      case "update": {
        const id = Number(body.address_id);
        const address = await updateAddress({ actor, userId, addressId: id, input: toInput(body.address) });
        return success({ address: presentAddress(address) }, "Address updated successfully.");
      }
      case "delete": {
        const deleted = await deleteAddress({ actor, userId, addressId: Number(body.address_id) });
        return success({ deleted: true, address_id: deleted.id }, "Address deleted successfully.");
      }
    }
  } catch (error) {
    asEnvelope(error);
  }
};
