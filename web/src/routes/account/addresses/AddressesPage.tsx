import { type FormEvent, useRef, useState } from "react";
import { gql, useMutation, useQuery } from "urql";
import { type CountryOption, CountryOptions, SelectField } from "../../../components/account/account-fields";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError, fieldErrorMap, focusFirstInvalid } from "../../../lib/errors";
import { type PayloadError, VALIDATION_ERROR_FIELDS } from "../account-shared";

type Address = {
  id: string;
  label: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  isDefault: boolean;
  country: CountryOption;
};

const ADDRESS_FIELDS = `
  id
  label
  line1
  line2
  city
  region
  postalCode
  isDefault
  country {
    id
    name
    shortName
  }
`;

const AddressesPageAddresses = gql<
  { viewer: { id: string; addresses: Address[] } | null; countries: CountryOption[] },
  Record<string, never>
>`
  query AddressesPage_Addresses {
    viewer {
      id
      addresses {
        ${ADDRESS_FIELDS}
      }
    }
    countries {
      id
      name
      shortName
    }
  }
`;

type AddressInput = {
  label: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  countryCode: string;
  isDefault: boolean;
};

const AddressesPageCreate = gql<
  { createAddress: { __typename: "CreateAddressSuccess"; data: Address } | PayloadError },
  { input: AddressInput }
>`
  mutation AddressesPage_Create($input: CreateAddressInput!) {
    createAddress(input: $input) {
      ${VALIDATION_ERROR_FIELDS}
      ... on CreateAddressSuccess {
        data {
          ${ADDRESS_FIELDS}
        }
      }
    }
  }
`;

const AddressesPageUpdate = gql<
  { updateAddress: { __typename: "UpdateAddressSuccess"; data: Address } | PayloadError },
  { input: Partial<AddressInput> & { addressId: string } }
>`
  mutation AddressesPage_Update($input: UpdateAddressInput!) {
    updateAddress(input: $input) {
      ${VALIDATION_ERROR_FIELDS}
      ... on UpdateAddressSuccess {
        data {
          ${ADDRESS_FIELDS}
        }
      }
    }
  }
`;

const AddressesPageDelete = gql<
  { deleteAddress: { __typename: "DeleteAddressSuccess"; data: { id: string } } | PayloadError },
  { input: { addressId: string } }
>`
  mutation AddressesPage_Delete($input: DeleteAddressInput!) {
    deleteAddress(input: $input) {
      ${VALIDATION_ERROR_FIELDS}
      ... on DeleteAddressSuccess {
        data {
          id
        }
      }
    }
  }
`;

type Editing = { mode: "create" } | { mode: "edit"; address: Address } | null;

export function AddressesPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AddressesPageAddresses,
    requestPolicy: "cache-and-network",
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Address | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [{ fetching: deleteSending }, remove] = useMutation(AddressesPageDelete);
  const [defaultState, update] = useMutation(AddressesPageUpdate);
  const [makingDefault, setMakingDefault] = useState<string | null>(null);
  const addresses = data?.viewer?.addresses;
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  async function confirmDelete() {
    if (!deleting) return;
    setDeleteError(null);
    const result = await remove({ input: { addressId: deleting.id } });
    const payload = result.data?.deleteAddress;
    if (!payload) return setDeleteError(result.error ? describeError(result.error) : "We couldn't delete the address.");
    if ("message" in payload) return setDeleteError(payload.message);
    setNotice("The address is deleted.");
    setDeleting(null);
    refresh();
  }

  async function makeDefault(address: Address) {
    setMakingDefault(address.id);
    setNotice(null);
    setRowErrors(({ [address.id]: _, ...rest }) => rest);
    const result = await update({ input: { addressId: address.id, isDefault: true } });
    setMakingDefault(null);
    const payload = result.data?.updateAddress;
    const message = !payload
      ? result.error
        ? describeError(result.error)
        : "We couldn't change your default address."
      : "message" in payload
        ? payload.message
        : null;
    if (message) return setRowErrors((current) => ({ ...current, [address.id]: message }));
    setNotice(`${describe(address)} is now your default address.`);
    refresh();
  }

  return (
    <div className="stack">
      <title>Addresses · Gatehouse</title>
      <Card aria-labelledby="addresses-title">
        <header className="section-head">
          <div>
            <h2 id="addresses-title">Addresses</h2>
            <p className="muted">Apps you allow to read your address get the default one.</p>
          </div>
          {editing?.mode !== "create" ? (
            <Button
              onClick={() => {
                setNotice(null);
                setEditing({ mode: "create" });
              }}
              disabled={!data}
            >
              Add address
            </Button>
          ) : null}
        </header>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {editing?.mode === "create" && data ? (
          <AddressForm
            countries={data.countries}
            address={null}
            isFirst={(addresses?.length ?? 0) === 0}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
              refresh();
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        {error && !data ? (
          <div className="stack">
            <Alert tone="error" title="We couldn't load your addresses">
              {describeError(error)}
            </Alert>
            <div>
              <Button variant="secondary" onClick={refresh}>
                Try again
              </Button>
            </div>
          </div>
        ) : fetching && !addresses ? (
          <StatusBlock label="Loading your addresses…" />
        ) : addresses && addresses.length === 0 ? (
          editing ? null : (
            <EmptyState
              title="No addresses yet"
              action={<Button onClick={() => setEditing({ mode: "create" })}>Add your first address</Button>}
            >
              Add an address to share it with apps that need one, such as shops.
            </EmptyState>
          )
        ) : addresses && data ? (
          <ul className="address-grid" aria-label="Your addresses">
            {addresses.map((address) =>
              editing?.mode === "edit" && editing.address.id === address.id ? (
                <li key={address.id} className="address-card address-card-editing">
                  <AddressForm
                    countries={data.countries}
                    address={address}
                    isFirst={false}
                    onDone={(message) => {
                      setEditing(null);
                      setNotice(message);
                      refresh();
                    }}
                    onCancel={() => setEditing(null)}
                  />
                </li>
              ) : (
                <li key={address.id} className="address-card" aria-labelledby={`address-${address.id}`}>
                  <div className="address-card-head">
                    <h3 id={`address-${address.id}`}>{address.label || "Address"}</h3>
                    {address.isDefault ? <Badge tone="success">Default</Badge> : null}
                  </div>
                  <address className="address-lines">
                    {address.line1}
                    <br />
                    {address.line2 ? (
                      <>
                        {address.line2}
                        <br />
                      </>
                    ) : null}
                    {[address.postalCode, address.city].filter(Boolean).join(" ")}
                    {address.region ? `, ${address.region}` : ""}
                    <br />
                    {address.country.name}
                  </address>
                  {rowErrors[address.id] ? (
                    <p className="field-error" role="alert">
                      {rowErrors[address.id]}
                    </p>
                  ) : null}
                  <div className="item-footer">
                    <Button
                      variant="secondary"
                      className="btn-sm"
                      onClick={() => {
                        setNotice(null);
                        setEditing({ mode: "edit", address });
                      }}
                      aria-label={`Edit ${describe(address)}`}
                    >
                      Edit
                    </Button>
                    {address.isDefault ? null : (
                      <Button
                        variant="secondary"
                        className="btn-sm"
                        onClick={() => makeDefault(address)}
                        loading={defaultState.fetching && makingDefault === address.id}
                        disabled={makingDefault !== null}
                        aria-label={`Make ${describe(address)} the default`}
                      >
                        Make default
                      </Button>
                    )}
                    <Button
                      variant="secondary"
                      className="btn-sm btn-danger-outline"
                      onClick={() => {
                        setDeleteError(null);
                        setDeleting(address);
                      }}
                      aria-label={`Delete ${describe(address)}`}
                    >
                      Delete
                    </Button>
                  </div>
                </li>
              ),
            )}
          </ul>
        ) : null}
      </Card>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this address?"
        confirmLabel="Delete address"
        loading={deleteSending}
        error={deleteError}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <p>{deleting ? describe(deleting) : null} will be removed from your account and apps will no longer see it.</p>
      </ConfirmDialog>
    </div>
  );
}

function describe(address: Address): string {
  return address.label ? `“${address.label}”` : `${address.line1}, ${address.city}`;
}

type FormValues = {
  label: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  countryCode: string;
  isDefault: boolean;
};

function AddressForm({
  countries,
  address,
  isFirst,
  onDone,
  onCancel,
}: {
  countries: CountryOption[];
  address: Address | null;
  isFirst: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(() => ({
    label: address?.label ?? "",
    line1: address?.line1 ?? "",
    line2: address?.line2 ?? "",
    city: address?.city ?? "",
    region: address?.region ?? "",
    postalCode: address?.postalCode ?? "",
    countryCode: address?.country.shortName ?? "",
    isDefault: address?.isDefault ?? isFirst,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [createState, create] = useMutation(AddressesPageCreate);
  const [updateState, update] = useMutation(AddressesPageUpdate);
  const sending = createState.fetching || updateState.fetching;
  const titleId = address ? `address-form-${address.id}` : "address-form-new";

  const set = (name: Exclude<keyof FormValues, "isDefault">) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found: Record<string, string> = {};
    if (!values.line1.trim()) found.line1 = "Enter the street and number.";
    if (!values.city.trim()) found.city = "Enter the city.";
    if (!values.countryCode) found.countryCode = "Choose a country.";
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);

    const input: AddressInput = {
      label: values.label.trim() || null,
      line1: values.line1.trim(),
      line2: values.line2.trim() || null,
      city: values.city.trim(),
      region: values.region.trim() || null,
      postalCode: values.postalCode.trim() || null,
      countryCode: values.countryCode,
      isDefault: values.isDefault,
    };
    const result = address ? await update({ input: { ...input, addressId: address.id } }) : await create({ input });
    const payload =
      result.data && ("createAddress" in result.data ? result.data.createAddress : result.data.updateAddress);
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't save the address.");
    if (payload.__typename === "CreateAddressSuccess" || payload.__typename === "UpdateAddressSuccess")
      return onDone(address ? "The address is saved." : "The address is added.");
    if (payload.__typename === "ValidationError" && payload.fieldErrors.length > 0) {
      setErrors(fieldErrorMap(payload.fieldErrors));
      return focusFirstInvalid(formRef.current);
    }
    setFormError(payload.message);
  }

  return (
    <form ref={formRef} className="form address-form" noValidate onSubmit={handleSubmit} aria-labelledby={titleId}>
      <h3 id={titleId}>{address ? "Edit address" : "New address"}</h3>
      <fieldset className="plain-fieldset" disabled={sending}>
        <div className="form-grid">
          <Field
            label="Label (optional)"
            name="label"
            placeholder="Home, Work…"
            value={values.label}
            onChange={set("label")}
            error={errors.label}
            className="span-2"
          />
          <Field
            label="Street and number"
            name="line1"
            autoComplete="address-line1"
            value={values.line1}
            onChange={set("line1")}
            error={errors.line1}
            className="span-2"
          />
          <Field
            label="Address line 2 (optional)"
            name="line2"
            autoComplete="address-line2"
            value={values.line2}
            onChange={set("line2")}
            error={errors.line2}
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
            label="Region (optional)"
            name="region"
            autoComplete="address-level1"
            value={values.region}
            onChange={set("region")}
            error={errors.region}
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
