import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation(["account", "common"]);
  const [target, setTarget] = useState<Linked | null>(null);
  const viewer = data?.viewer;
  const linked = viewer?.linkedProviders ?? [];

  return (
    <SectionCard
      id="linked-providers-title"
      title={t("providers.title")}
      description={viewer && !viewer.hasPassword ? t("providers.noPassword") : t("providers.description")}
    >
      {error && !data ? (
        <Alert tone="error" title={t("providers.loadFailed")}>
          {describeError(error)}
        </Alert>
      ) : fetching && !data ? (
        <StatusBlock label={t("providers.loading")} />
      ) : linked.length === 0 ? (
        <EmptyState title={t("providers.emptyTitle")}>{t("providers.emptyBody")}</EmptyState>
      ) : (
        <Table
          caption={t("providers.caption")}
          columns={[t("providers.provider"), t("providers.account"), t("providers.linked"), t("providers.lastUsed")]}
          actions
        >
          {linked.map((provider) => (
            <tr key={provider.id}>
              <td data-label={t("providers.provider")}>{provider.displayName}</td>
              <td data-label={t("providers.account")}>{provider.email ?? "—"}</td>
              <td data-label={t("providers.linked")}>{formatDateTime(provider.linkedAt)}</td>
              <td data-label={t("providers.lastUsed")}>
                {provider.lastUsedAt ? formatDateTime(provider.lastUsedAt) : t("providers.never")}
              </td>
              <td data-label={t("common:table.actions")}>
                <Button variant="secondary" className="btn-sm" onClick={() => setTarget(provider)}>
                  {t("providers.unlink")}
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ConfirmMutationDialog
        open={target !== null}
        title={t("providers.unlinkTitle", { provider: target?.displayName ?? t("providers.thisProvider") })}
        confirmLabel={t("providers.unlink")}
        tone="danger"
        document={LinkedProvidersCard_Unlink}
        variables={() => ({ input: { id: target?.id ?? "" } })}
        pick={(result) => result.unlinkProvider}
        fallback={t("providers.unlinkFailed")}
        onDone={() => reexecute({ requestPolicy: "network-only" })}
        onClose={() => setTarget(null)}
      >
        {t("providers.unlinkBody", { provider: target?.displayName ?? t("providers.it") })}
      </ConfirmMutationDialog>
    </SectionCard>
  );
}
