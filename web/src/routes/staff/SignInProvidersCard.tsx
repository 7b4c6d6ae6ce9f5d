import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { SectionHead } from "../../components/team/team-kit";
import { Alert } from "../../components/ui/Alert";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ConfirmMutationDialog } from "../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../components/ui/EmptyState";
import { StatusBlock } from "../../components/ui/Spinner";
import { Table } from "../../components/ui/Table";
import { describeError } from "../../lib/errors";
import { ErrorFields, graphql } from "../../lib/graphql";
import { AddProviderForm } from "./AddProviderForm";

const SignInProvidersCard_List = graphql(
  `
    query SignInProvidersCard_List {
      upstreamProviders {
        __typename
        ... on UpstreamProvidersSuccess {
          data {
            slug
            displayName
            issuer
            clientId
            redirectUri
            source
            enabled
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const SignInProvidersCard_Delete = graphql(
  `
    mutation SignInProvidersCard_Delete($slug: String!) {
      deleteUpstreamProvider(slug: $slug) {
        __typename
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Staff: the upstream providers people may sign in with, the redirect URI each needs, and adding one. */
export function SignInProvidersCard() {
  const { t } = useTranslation("staff");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SignInProvidersCard_List,
    requestPolicy: "network-only",
  });
  const [removing, setRemoving] = useState<string | null>(null);
  const answer = data?.upstreamProviders;
  const providers = answer?.__typename === "UpstreamProvidersSuccess" ? answer.data : [];
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  return (
    <Card aria-labelledby="providers-title">
      <SectionHead id="providers-title" title={t("providers.title")}>
        {t("providers.intro")}
      </SectionHead>
      {error && !data ? (
        <Alert tone="error">{describeError(error)}</Alert>
      ) : fetching && !data ? (
        <StatusBlock label={t("providers.loading")} />
      ) : providers.length === 0 ? (
        <EmptyState title={t("providers.emptyTitle")}>{t("providers.emptyBody")}</EmptyState>
      ) : (
        <Table
          caption={t("providers.title")}
          columns={[t("providers.provider"), t("providers.redirectToRegister"), t("providers.status")]}
          actions
        >
          {providers.map((provider) => (
            <tr key={provider.slug}>
              <td data-label={t("providers.provider")}>
                {provider.displayName} <code>{provider.slug}</code>
                <div className="muted">{provider.issuer}</div>
                <div className="muted">
                  {t("providers.clientId")} <code>{provider.clientId}</code>
                </div>
              </td>
              <td data-label={t("providers.redirectUri")}>
                <code>{provider.redirectUri}</code>
              </td>
              <td data-label={t("providers.status")}>
                <Badge tone={provider.enabled ? "success" : "neutral"}>
                  {provider.enabled ? t("providers.on") : t("providers.off")}
                </Badge>{" "}
                {provider.source === "ENVIRONMENT" ? <Badge tone="neutral">{t("providers.environment")}</Badge> : null}
              </td>
              <td data-label={t("providers.actions")}>
                {provider.source === "DASHBOARD" ? (
                  <Button variant="secondary" className="btn-sm" onClick={() => setRemoving(provider.slug)}>
                    {t("providers.remove")}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <AddProviderForm onAdded={refresh} />
      <ConfirmMutationDialog
        open={removing !== null}
        title={t("providers.removeTitle")}
        confirmLabel={t("providers.remove")}
        tone="danger"
        document={SignInProvidersCard_Delete}
        variables={() => ({ slug: removing ?? "" })}
        pick={(result) => result.deleteUpstreamProvider}
        fallback={t("providers.removeFailed")}
        onDone={refresh}
        onClose={() => setRemoving(null)}
      >
        {t("providers.removeBody")}
      </ConfirmMutationDialog>
    </Card>
  );
}
