import { useState } from "react";
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
      <SectionHead id="providers-title" title="Sign-in providers">
        Google, Microsoft or any OpenID Connect issuer. Register the redirect URI at the provider. Every change is
        recorded in the platform audit log; secrets are stored encrypted and never shown again.
      </SectionHead>
      {error && !data ? (
        <Alert tone="error">{describeError(error)}</Alert>
      ) : fetching && !data ? (
        <StatusBlock label="Loading providers…" />
      ) : providers.length === 0 ? (
        <EmptyState title="No sign-in providers">
          Add Google or Microsoft below, or set UPSTREAM_GOOGLE_* variables.
        </EmptyState>
      ) : (
        <Table caption="Sign-in providers" columns={["Provider", "Redirect URI to register", "Status"]} actions>
          {providers.map((provider) => (
            <tr key={provider.slug}>
              <td data-label="Provider">
                {provider.displayName} <code>{provider.slug}</code>
                <div className="muted">{provider.issuer}</div>
                <div className="muted">
                  Client ID <code>{provider.clientId}</code>
                </div>
              </td>
              <td data-label="Redirect URI">
                <code>{provider.redirectUri}</code>
              </td>
              <td data-label="Status">
                <Badge tone={provider.enabled ? "success" : "neutral"}>{provider.enabled ? "On" : "Off"}</Badge>{" "}
                {provider.source === "ENVIRONMENT" ? <Badge tone="neutral">Environment</Badge> : null}
              </td>
              <td data-label="Actions">
                {provider.source === "DASHBOARD" ? (
                  <Button variant="secondary" className="btn-sm" onClick={() => setRemoving(provider.slug)}>
                    Remove
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
        title="Remove this sign-in provider?"
        confirmLabel="Remove"
        tone="danger"
        document={SignInProvidersCard_Delete}
        variables={() => ({ slug: removing ?? "" })}
        pick={(result) => result.deleteUpstreamProvider}
        fallback="We couldn't remove the provider. Try again."
        onDone={refresh}
        onClose={() => setRemoving(null)}
      >
        People linked to it keep their accounts and can still sign in another way.
      </ConfirmMutationDialog>
    </Card>
  );
}
