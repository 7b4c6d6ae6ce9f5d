import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { countryNameIn } from "../../../components/account/account-fields";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { type Address, AddressesPage_UpdateAddress, describe, typeLabel } from "./address-fields";

const DETAILS = [
  ["phone", "addresses.details.phone"],
  ["email", "addresses.details.email"],
  ["taxNr", "addresses.details.taxNr"],
  ["registrationNr", "addresses.details.registrationNr"],
  ["accessCode", "addresses.details.accessCode"],
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
  const { t, i18n } = useTranslation("account");
  const makeDefault = useMutationAction(
    AddressesPage_UpdateAddress,
    (data) => data.updateAddress,
    t("addresses.makeDefaultFailed"),
  );

  async function handleMakeDefault() {
    onStart();
    if (await makeDefault.run({ input: { addressId: address.id, isDefault: true } })) onMadeDefault();
  }

  return (
    <li className="address-card" aria-labelledby={`address-${address.id}`}>
      <div className="address-card-head">
        <h3 id={`address-${address.id}`}>{address.name || t("addresses.address")}</h3>
        {address.isDefault ? <Badge tone="success">{t("addresses.default")}</Badge> : null}
      </div>
      <address className="address-lines">
        {[
          address.companyName,
          [address.firstname, address.lastname].filter(Boolean).join(" "),
          [address.street, address.houseNumber].filter(Boolean).join(" "),
          [address.postalCode, address.city].filter(Boolean).join(" "),
          countryNameIn(i18n.resolvedLanguage ?? "en", address.country),
        ]
          .filter(Boolean)
          .map((line) => (
            <span key={line} className="address-line">
              {line}
            </span>
          ))}
      </address>
      <dl className="address-details">
        <dt>{t("addresses.useFor")}</dt>
        <dd>{typeLabel(address.type)}</dd>
        {DETAILS.map(([key, label]) =>
          address[key] ? (
            <Fragment key={key}>
              <dt>{t(label)}</dt>
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
          aria-label={t("addresses.editLabel", { address: describe(address) })}
        >
          {t("addresses.edit")}
        </Button>
        {address.isDefault ? null : (
          <Button
            variant="secondary"
            className="btn-sm"
            onClick={handleMakeDefault}
            loading={makeDefault.fetching}
            disabled={makeDefault.fetching}
            aria-label={t("addresses.makeDefaultLabel", { address: describe(address) })}
          >
            {t("addresses.makeDefault")}
          </Button>
        )}
        <Button
          variant="secondary"
          className="btn-sm btn-danger-outline"
          onClick={onDelete}
          aria-label={t("addresses.deleteLabel", { address: describe(address) })}
        >
          {t("addresses.delete")}
        </Button>
      </div>
    </li>
  );
}
