import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { type CountryOption, CountryOptions } from "../../../components/account/account-fields";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { CheckboxField, Field, SelectField } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { ADDRESS_TYPES, type Address, AddressesPage_UpdateAddress, AddressFields, isBusiness } from "./address-fields";

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
  type: string;
  name: string;
  firstname: string;
  lastname: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  countryCode: string;
  accessCode: string;
  phone: string;
  email: string;
  business: boolean;
  companyName: string;
  taxNr: string;
  registrationNr: string;
  isDefault: boolean;
};

function valuesOf(address: Address | null, isFirst: boolean): FormValues {
  return {
    type: address?.type ?? "shipping",
    name: address?.name ?? "",
    firstname: address?.firstname ?? "",
    lastname: address?.lastname ?? "",
    street: address?.street ?? "",
    houseNumber: address?.houseNumber ?? "",
    postalCode: address?.postalCode ?? "",
    city: address?.city ?? "",
    countryCode: address?.country.shortName ?? "",
    accessCode: address?.accessCode ?? "",
    phone: address?.phone ?? "",
    email: address?.email ?? "",
    business: address ? isBusiness(address) : false,
    companyName: address?.companyName ?? "",
    taxNr: address?.taxNr ?? "",
    registrationNr: address?.registrationNr ?? "",
    isDefault: address?.isDefault ?? isFirst,
  };
}

/** The XWMS address: who receives it, where, how to reach them and, for a business, its company details. */
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
  const { t } = useTranslation("account");
  const fallback = t("addresses.saveFailed");
  const createForm = useMutationForm(AddressForm_Create, (data) => data.createAddress, fallback);
  const updateForm = useMutationForm(AddressesPage_UpdateAddress, (data) => data.updateAddress, fallback);
  // A form either adds or edits for its whole life.
  const form = address ? updateForm : createForm;
  const { values, text, checkbox } = useFormValues(() => valuesOf(address, isFirst), { errors: form.fieldErrors });
  const sending = form.fetching;
  const titleId = address ? `address-form-${address.id}` : "address-form-new";

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.street.trim()) found.street = t("addresses.errors.street");
    if (!values.city.trim()) found.city = t("addresses.errors.city");
    if (!values.countryCode) found.countryCode = t("addresses.errors.country");
    if (form.reject(found)) return;

    const optional = (value: string) => value.trim() || null;
    // Unticking "business address" clears the company details rather than hiding them.
    const company = (value: string) => (values.business ? optional(value) : null);
    const input = {
      type: values.type,
      name: optional(values.name),
      firstname: optional(values.firstname),
      lastname: optional(values.lastname),
      street: values.street.trim(),
      houseNumber: optional(values.houseNumber),
      postalCode: optional(values.postalCode),
      city: values.city.trim(),
      countryCode: values.countryCode,
      accessCode: optional(values.accessCode),
      phone: optional(values.phone),
      email: optional(values.email),
      companyName: company(values.companyName),
      taxNr: company(values.taxNr),
      registrationNr: company(values.registrationNr),
      isDefault: values.isDefault,
    };
    const saved = address
      ? await updateForm.run({ input: { ...input, addressId: address.id } })
      : await createForm.run({ input });
    if (saved) onDone(address ? t("addresses.saved") : t("addresses.added"));
  }

  return (
    <form ref={form.formRef} className="form address-form" noValidate onSubmit={handleSubmit} aria-labelledby={titleId}>
      <h3 id={titleId}>{address ? t("addresses.editTitle") : t("addresses.newTitle")}</h3>
      <fieldset className="plain-fieldset" disabled={sending}>
        <div className="form-grid">
          <Field
            label={t("addresses.fields.name")}
            {...text("name")}
            placeholder={t("addresses.fields.namePlaceholder")}
          />
          <SelectField label={t("addresses.useFor")} {...text("type")}>
            {ADDRESS_TYPES.map(({ value, label }) => (
              <option key={value} value={value}>
                {label()}
              </option>
            ))}
          </SelectField>
          <Field label={t("addresses.fields.firstname")} {...text("firstname")} autoComplete="given-name" />
          <Field label={t("addresses.fields.lastname")} {...text("lastname")} autoComplete="family-name" />
          <Field label={t("addresses.fields.street")} {...text("street")} autoComplete="address-line1" />
          <Field label={t("addresses.fields.houseNumber")} {...text("houseNumber")} autoComplete="off" />
          <Field label={t("addresses.fields.postalCode")} {...text("postalCode")} autoComplete="postal-code" />
          <Field label={t("addresses.fields.city")} {...text("city")} autoComplete="address-level2" />
          <SelectField label={t("addresses.fields.country")} {...text("countryCode")} autoComplete="country">
            <CountryOptions countries={countries} emptyLabel={t("addresses.fields.chooseCountry")} />
          </SelectField>
          <Field
            label={t("addresses.fields.accessCode")}
            {...text("accessCode")}
            autoComplete="off"
            hint={t("addresses.fields.accessCodeHint")}
          />
          <Field label={t("addresses.fields.phone")} {...text("phone")} type="tel" autoComplete="tel" />
          <Field label={t("addresses.fields.email")} {...text("email")} type="email" autoComplete="email" />
          <CheckboxField className="span-2" label={t("addresses.fields.business")} {...checkbox("business")} />
          {values.business ? (
            <>
              <Field
                label={t("addresses.fields.companyName")}
                {...text("companyName")}
                autoComplete="organization"
                className="span-2"
              />
              <Field
                label={t("addresses.fields.taxNr")}
                {...text("taxNr")}
                autoComplete="off"
                hint={t("addresses.fields.taxNrHint")}
              />
              <Field
                label={t("addresses.fields.registrationNr")}
                {...text("registrationNr")}
                autoComplete="off"
                hint={t("addresses.fields.registrationNrHint")}
              />
            </>
          ) : null}
          <CheckboxField
            className="span-2"
            label={t("addresses.fields.isDefault")}
            {...checkbox("isDefault")}
            disabled={address?.isDefault}
            hint={address?.isDefault ? t("addresses.fields.isDefaultHint") : null}
          />
        </div>
      </fieldset>
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      <div className="form-actions">
        <Button variant="secondary" onClick={onCancel} disabled={sending}>
          {t("addresses.cancel")}
        </Button>
        <Button type="submit" loading={sending}>
          {address ? t("addresses.save") : t("addresses.add")}
        </Button>
      </div>
    </form>
  );
}
