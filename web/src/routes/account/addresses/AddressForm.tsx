import { type FormEvent, useState } from "react";
import { type CountryOption, CountryOptions, SelectField } from "../../../components/account/account-fields";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { type Address, AddressesPage_UpdateAddress, AddressFields } from "./address-fields";

const AddressForm_Create = graphql(
  `
    mutation AddressForm_Create($input: CreateAddressInput!) {
      createAddress(input: $input) {
        __typename
        ... on CreateAddressSuccess {
          data {
            ...AddressFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [AddressFields, ErrorFields],
);

type FormValues = {
  name: string;
  street: string;
  houseNumber: string;
  city: string;
  companyName: string;
  postalCode: string;
  countryCode: string;
  isDefault: boolean;
};

export function AddressForm({
  countries,
  address,
  isFirst,
  onDone,
  onCancel,
}: {
  countries: readonly CountryOption[];
  address: Address | null;
  isFirst: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<FormValues>(() => ({
    name: address?.name ?? "",
    street: address?.street ?? "",
    houseNumber: address?.houseNumber ?? "",
    city: address?.city ?? "",
    companyName: address?.companyName ?? "",
    postalCode: address?.postalCode ?? "",
    countryCode: address?.country.shortName ?? "",
    isDefault: address?.isDefault ?? isFirst,
  }));
  const fallback = "We couldn't save the address.";
  const createForm = useMutationForm(AddressForm_Create, (data) => data.createAddress, fallback);
  const updateForm = useMutationForm(AddressesPage_UpdateAddress, (data) => data.updateAddress, fallback);
  // A form either adds or edits for its whole life.
  const form = address ? updateForm : createForm;
  const { fieldErrors: errors, formError } = form;
  const sending = form.fetching;
  const titleId = address ? `address-form-${address.id}` : "address-form-new";

  const set = (name: Exclude<keyof FormValues, "isDefault">) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.street.trim()) found.street = "Enter the street.";
    if (!values.city.trim()) found.city = "Enter the city.";
    if (!values.countryCode) found.countryCode = "Choose a country.";
    if (form.reject(found)) return;

    const input = {
      name: values.name.trim() || null,
      street: values.street.trim(),
      houseNumber: values.houseNumber.trim() || null,
      city: values.city.trim(),
      companyName: values.companyName.trim() || null,
      postalCode: values.postalCode.trim() || null,
      countryCode: values.countryCode,
      isDefault: values.isDefault,
    };
    const saved = address
      ? await updateForm.run({ input: { ...input, addressId: address.id } })
      : await createForm.run({ input });
    if (saved) onDone(address ? "The address is saved." : "The address is added.");
  }

  return (
    <form ref={form.formRef} className="form address-form" noValidate onSubmit={handleSubmit} aria-labelledby={titleId}>
      <h3 id={titleId}>{address ? "Edit address" : "New address"}</h3>
      <fieldset className="plain-fieldset" disabled={sending}>
        <div className="form-grid">
          <Field
            label="Name (optional)"
            name="name"
            placeholder="Home, Work…"
            value={values.name}
            onChange={set("name")}
            error={errors.name}
            className="span-2"
          />
          <Field
            label="Street"
            name="street"
            autoComplete="address-line1"
            value={values.street}
            onChange={set("street")}
            error={errors.street}
            className="span-2"
          />
          <Field
            label="House number (optional)"
            name="houseNumber"
            autoComplete="off"
            value={values.houseNumber}
            onChange={set("houseNumber")}
            error={errors.houseNumber}
            className="span-2"
          />
          <Field
            label="Postal code (optional)"
            name="postalCode"
            autoComplete="postal-code"
            value={values.postalCode}
            onChange={set("postalCode")}
            error={errors.postalCode}
          />
          <Field
            label="City"
            name="city"
            autoComplete="address-level2"
            value={values.city}
            onChange={set("city")}
            error={errors.city}
          />
          <Field
            label="Company (optional)"
            name="companyName"
            autoComplete="organization"
            value={values.companyName}
            onChange={set("companyName")}
            error={errors.companyName}
          />
          <SelectField
            label="Country"
            name="countryCode"
            autoComplete="country"
            value={values.countryCode}
            onChange={set("countryCode")}
            error={errors.countryCode}
          >
            <CountryOptions countries={countries} emptyLabel="Choose a country" />
          </SelectField>
          <label className="checkbox span-2">
            <input
              type="checkbox"
              name="isDefault"
              checked={values.isDefault}
              disabled={address?.isDefault}
              onChange={(event) => setValues((current) => ({ ...current, isDefault: event.target.checked }))}
            />
            <span>
              Use as my default address
              {address?.isDefault ? (
                <span className="field-hint"> — make another address the default to change this.</span>
              ) : null}
            </span>
          </label>
        </div>
      </fieldset>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="form-actions">
        <Button variant="secondary" onClick={onCancel} disabled={sending}>
          Cancel
        </Button>
        <Button type="submit" loading={sending}>
          {address ? "Save address" : "Add address"}
        </Button>
      </div>
    </form>
  );
}
