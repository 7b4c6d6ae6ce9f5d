import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { type Address, AddressesPage_UpdateAddress, describe } from "./address-fields";

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
        {address.companyName ? (
          <>
            {address.companyName}
            <br />
          </>
        ) : null}
        {[address.street, address.houseNumber].filter(Boolean).join(" ")}
        <br />
        {[address.postalCode, address.city].filter(Boolean).join(" ")}
        <br />
        {address.country.name}
      </address>
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
