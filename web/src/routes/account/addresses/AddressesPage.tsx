import { useState } from "react";
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
      <title>Addresses · Gatehouse</title>
      <SectionCard
        id="addresses-title"
        title="Addresses"
        description="Apps you allow to read your address get the default one."
        action={
          editing?.mode !== "create" ? (
            <Button
              onClick={() => {
                setNotice(null);
                setEditing({ mode: "create" });
              }}
              disabled={!data}
            >
              Add address
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
          <LoadFailed className="stack" title="We couldn't load your addresses" error={error} onRetry={refresh} />
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
                <AddressCard
                  key={address.id}
                  address={address}
                  onStart={() => setNotice(null)}
                  onEdit={() => setEditing({ mode: "edit", address })}
                  onDelete={() => setDeleting(address)}
                  onMadeDefault={() => {
                    setNotice(`${describe(address)} is now your default address.`);
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
        title="Delete this address?"
        confirmLabel="Delete address"
        document={AddressesPage_Delete}
        variables={() => ({ input: { addressId: deleting?.id ?? "" } })}
        pick={(result) => result.deleteAddress}
        fallback="We couldn't delete the address."
        onDone={() => {
          setNotice("The address is deleted.");
          refresh();
        }}
        onClose={() => setDeleting(null)}
      >
        <p>{deleting ? describe(deleting) : null} will be removed from your account and apps will no longer see it.</p>
      </ConfirmMutationDialog>
    </div>
  );
}
