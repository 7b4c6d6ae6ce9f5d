import { Fragment } from "react";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { type Address, AddressesPage_UpdateAddress, describe, typeLabel } from "./address-fields";

const DETAILS = [
  ["phone", "Phone"],
  ["email", "E-mail"],
  ["taxNr", "Tax number"],
  ["registrationNr", "Registration number"],
  ["accessCode", "Access code"],
] as const satisfies readonly (readonly [keyof Address, string])[];

/** One saved address with its actions. */
export function AddressCard({
  address,
  onStart,
  onEdit,
  onDelete,
  onMadeDefault,
}: {
  address: Address;
  /** Called when the person starts an action, to clear the page's notice. */
  onStart: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onMadeDefault: () => void;
}) {
  const makeDefault = useMutationAction(
    AddressesPage_UpdateAddress,
    (data) => data.updateAddress,
    "We couldn't change your default address.",
  );

  async function handleMakeDefault() {
    onStart();
    if (await makeDefault.run({ input: { addressId: address.id, isDefault: true } })) onMadeDefault();
  }

  return (
    <li className="address-card" aria-labelledby={`address-${address.id}`}>
      <div className="address-card-head">
        <h3 id={`address-${address.id}`}>{address.name || "Address"}</h3>
        {address.isDefault ? <Badge tone="success">Default</Badge> : null}
      </div>
      <address className="address-lines">
        {[
          address.companyName,
          [address.firstname, address.lastname].filter(Boolean).join(" "),
          [address.street, address.houseNumber].filter(Boolean).join(" "),
          [address.postalCode, address.city].filter(Boolean).join(" "),
          address.country.name,
        ]
          .filter(Boolean)
          .map((line) => (
            <span key={line} className="address-line">
              {line}
            </span>
          ))}
      </address>
      <dl className="address-details">
        <dt>Use for</dt>
        <dd>{typeLabel(address.type)}</dd>
        {DETAILS.map(([key, label]) =>
          address[key] ? (
            <Fragment key={key}>
              <dt>{label}</dt>
              <dd>{address[key]}</dd>
            </Fragment>
          ) : null,
        )}
      </dl>
      {makeDefault.error ? (
        <p className="field-error" role="alert">
          {makeDefault.error}
        </p>
      ) : null}
      <div className="item-footer">
        <Button
          variant="secondary"
          className="btn-sm"
          onClick={() => {
            onStart();
            onEdit();
          }}
          aria-label={`Edit ${describe(address)}`}
        >
          Edit
        </Button>
        {address.isDefault ? null : (
          <Button
            variant="secondary"
            className="btn-sm"
            onClick={handleMakeDefault}
            loading={makeDefault.fetching}
            disabled={makeDefault.fetching}
            aria-label={`Make ${describe(address)} the default`}
          >
            Make default
          </Button>
        )}
        <Button
          variant="secondary"
          className="btn-sm btn-danger-outline"
          onClick={onDelete}
          aria-label={`Delete ${describe(address)}`}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}
