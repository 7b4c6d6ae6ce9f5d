import { useState } from "react";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { describeError } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql, type ResultOf } from "../../../lib/graphql";

const LinkedProvidersCard_Providers = graphql(`
  query LinkedProvidersCard_Providers {
    viewer {
      id
      hasPassword
      linkedProviders {
        id
        displayName
        email
        linkedAt
        lastUsedAt
      }
    }
  }
`);

type Linked = NonNullable<ResultOf<typeof LinkedProvidersCard_Providers>["viewer"]>["linkedProviders"][number];

const LinkedProvidersCard_Unlink = graphql(
  `
    mutation LinkedProvidersCard_Unlink($input: UnlinkProviderInput!) {
      unlinkProvider(input: $input) {
        __typename
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The Google, Microsoft, … accounts that sign this person in, each removable while another way in remains. */
export function LinkedProvidersCard() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: LinkedProvidersCard_Providers,
    requestPolicy: "network-only",
  });
  const [target, setTarget] = useState<Linked | null>(null);
  const viewer = data?.viewer;
  const linked = viewer?.linkedProviders ?? [];

  return (
    <SectionCard
      id="linked-providers-title"
      title="Sign-in providers"
      description={
        viewer && !viewer.hasPassword
          ? "Your account has no password: keep at least one provider linked, or set a password first."
          : "Accounts elsewhere that sign you in to Gatehouse."
      }
    >
      {error && !data ? (
        <Alert tone="error" title="We couldn't load your sign-in providers">
          {describeError(error)}
        </Alert>
      ) : fetching && !data ? (
        <StatusBlock label="Loading sign-in providers…" />
      ) : linked.length === 0 ? (
        <EmptyState title="No providers linked">
          Sign in with Google or Microsoft once with this account's e-mail address, and confirm with your password, to
          link it.
        </EmptyState>
      ) : (
        <Table caption="Linked sign-in providers" columns={["Provider", "Account", "Linked", "Last used"]} actions>
          {linked.map((provider) => (
            <tr key={provider.id}>
              <td data-label="Provider">{provider.displayName}</td>
              <td data-label="Account">{provider.email ?? "—"}</td>
              <td data-label="Linked">{formatDateTime(provider.linkedAt)}</td>
              <td data-label="Last used">{provider.lastUsedAt ? formatDateTime(provider.lastUsedAt) : "Never"}</td>
              <td data-label="Actions">
                <Button variant="secondary" className="btn-sm" onClick={() => setTarget(provider)}>
                  Unlink
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ConfirmMutationDialog
        open={target !== null}
        title={`Unlink ${target?.displayName ?? "this provider"}?`}
        confirmLabel="Unlink"
        tone="danger"
        document={LinkedProvidersCard_Unlink}
        variables={() => ({ input: { id: target?.id ?? "" } })}
        pick={(result) => result.unlinkProvider}
        fallback="We couldn't unlink this provider. Try again."
        onDone={() => reexecute({ requestPolicy: "network-only" })}
        onClose={() => setTarget(null)}
      >
        {`${target?.displayName ?? "It"} will no longer sign you in to Gatehouse.`}
      </ConfirmMutationDialog>
    </SectionCard>
  );
}
