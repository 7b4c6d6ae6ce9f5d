import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { CountryOptionFields } from "../../../components/account/account-fields";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { AddressCard } from "./AddressCard";
import { AddressForm } from "./AddressForm";
import { type Address, AddressFields, describe } from "./address-fields";

const AddressesPage_Addresses = graphql(
  `
    query AddressesPage_Addresses {
      viewer {
        id
        addresses {
          ...AddressFields
        }
      }
      countries {
        ...CountryOptionFields
      }
    }
  `,
  [AddressFields, CountryOptionFields],
);

const AddressesPage_Delete = graphql(
  `
    mutation AddressesPage_Delete($input: DeleteAddressInput!) {
      deleteAddress(input: $input) {
        __typename
        ... on DeleteAddressSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Editing = { mode: "create" } | { mode: "edit"; address: Address } | null;

export function AddressesPage() {
  const { t } = useTranslation("account");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AddressesPage_Addresses,
    requestPolicy: "cache-and-network",
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Address | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const addresses = data?.viewer?.addresses;
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  return (
    <div className="stack">
      <title>{t("addresses.tabTitle")}</title>
      <SectionCard
        id="addresses-title"
        title={t("addresses.title")}
        description={t("addresses.description")}
        action={
          editing?.mode !== "create" ? (
            <Button
              onClick={() => {
                setNotice(null);
                setEditing({ mode: "create" });
              }}
              disabled={!data}
            >
              {t("addresses.add")}
            </Button>
          ) : null
        }
      >
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
          <LoadFailed className="stack" title={t("addresses.loadFailed")} error={error} onRetry={refresh} />
        ) : fetching && !addresses ? (
          <StatusBlock label={t("addresses.loading")} />
        ) : addresses && addresses.length === 0 ? (
          editing ? null : (
            <EmptyState
              title={t("addresses.emptyTitle")}
              action={<Button onClick={() => setEditing({ mode: "create" })}>{t("addresses.addFirst")}</Button>}
            >
              {t("addresses.emptyBody")}
            </EmptyState>
          )
        ) : addresses && data ? (
          <ul className="address-grid" aria-label={t("addresses.list")}>
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
                <AddressCard
                  key={address.id}
                  address={address}
                  onStart={() => setNotice(null)}
                  onEdit={() => setEditing({ mode: "edit", address })}
                  onDelete={() => setDeleting(address)}
                  onMadeDefault={() => {
                    setNotice(t("addresses.nowDefault", { address: describe(address) }));
                    refresh();
                  }}
                />
              ),
            )}
          </ul>
        ) : null}
      </SectionCard>
      <ConfirmMutationDialog
        open={deleting !== null}
        title={t("addresses.deleteTitle")}
        confirmLabel={t("addresses.deleteConfirm")}
        document={AddressesPage_Delete}
        variables={() => ({ input: { addressId: deleting?.id ?? "" } })}
        pick={(result) => result.deleteAddress}
        fallback={t("addresses.deleteFailed")}
        onDone={() => {
          setNotice(t("addresses.deleted"));
          refresh();
        }}
        onClose={() => setDeleting(null)}
      >
        <p>{t("addresses.deleteBody", { address: deleting ? describe(deleting) : "" })}</p>
      </ConfirmMutationDialog>
    </div>
  );
}
