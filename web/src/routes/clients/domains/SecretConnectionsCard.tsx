import { useState } from "react";
import { Link } from "react-router";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Table } from "../../../components/ui/Table";
import { ErrorFields, type FragmentOf, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { missingPermissionReason, useClientDashboard } from "../shared";
import type { DomainDetail } from "./domain-fields";

export const SecretSummaryFields = graphql(`
  fragment SecretSummaryFields on ClientSecret {
    id
    label
    prefix
    expiresAt
    revokedAt
    domains {
      domainId
      rootDomain
    }
  }
`);

type SecretSummary = FragmentOf<typeof SecretSummaryFields>;

const SecretConnectionsCard_LinkSecret = graphql(
  `
    mutation SecretConnectionsCard_LinkSecret($input: SecretDomainInput!) {
      linkSecretToDomain(input: $input) {
        __typename
        ... on LinkSecretToDomainSuccess {
          data {
            ...SecretSummaryFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SecretSummaryFields, ErrorFields],
);

const SecretConnectionsCard_UnlinkSecret = graphql(
  `
    mutation SecretConnectionsCard_UnlinkSecret($input: SecretDomainInput!) {
      unlinkSecretFromDomain(input: $input) {
        __typename
        ... on UnlinkSecretFromDomainSuccess {
          data {
            ...SecretSummaryFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SecretSummaryFields, ErrorFields],
);

function secretStatus(secret: SecretSummary): string | null {
  if (secret.revokedAt) return "revoked";
  if (secret.expiresAt && new Date(secret.expiresAt).getTime() < Date.now()) return "expired";
  return null;
}

export function SecretConnectionsCard({
  domain,
  secrets,
  allowed,
  onChanged,
}: {
  domain: DomainDetail;
  secrets: readonly SecretSummary[] | null;
  allowed: boolean;
  onChanged: () => void;
}) {
  const { client } = useClientDashboard();
  const link = useMutationAction(SecretConnectionsCard_LinkSecret, (data) => data.linkSecretToDomain, "Not linked.");
  const [unlinking, setUnlinking] = useState<SecretSummary | null>(null);

  async function handleLink(secret: SecretSummary) {
    if (await link.run({ input: { domainId: domain.id, secretId: secret.id } })) onChanged();
  }

  return (
    <Card aria-labelledby="secret-links-title">
      <h2 id="secret-links-title">Secret connections</h2>
      <p className="muted">A secret works only from the domains it is linked to.</p>
      {!allowed || secrets === null ? (
        <div className="stack-sm">
          <p className="reason">{missingPermissionReason("SECRETS_MANAGE")}</p>
          <div>
            <Button variant="secondary" disabled>
              Link a secret
            </Button>
          </div>
        </div>
      ) : secrets.length === 0 ? (
        <EmptyState title="No secrets yet" action={<Link to={`/clients/${client.id}/secrets`}>Create a secret</Link>}>
          Create a secret and link it to {domain.rootDomain}.
        </EmptyState>
      ) : (
        <>
          {link.error ? <Alert tone="error">{link.error}</Alert> : null}
          <Table caption={`Secrets and their link to ${domain.rootDomain}`} columns={["Secret", "Status"]} actions>
            {secrets.map((secret) => {
              const linked = secret.domains.some((d) => d.domainId === domain.id);
              const dead = secretStatus(secret);
              return (
                <tr key={secret.id}>
                  <td data-label="Secret">
                    <strong>{secret.label}</strong> <code className="muted">{secret.prefix}…</code>
                  </td>
                  <td data-label="Status">
                    <span className="kv-inline">
                      {linked ? <Badge tone="success">Linked</Badge> : <Badge tone="neutral">Not linked</Badge>}
                      {dead ? <Badge tone="danger">{dead}</Badge> : null}
                    </span>
                  </td>
                  <td className="table-actions">
                    {linked ? (
                      <Button variant="secondary" className="btn-sm" onClick={() => setUnlinking(secret)}>
                        Unlink
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        className="btn-sm"
                        disabled={dead !== null || link.fetching}
                        title={dead ? `This secret is ${dead}.` : undefined}
                        onClick={() => handleLink(secret)}
                      >
                        Link
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
        </>
      )}
      <ConfirmMutationDialog
        open={unlinking !== null}
        title="Unlink this secret?"
        confirmLabel="Unlink"
        document={SecretConnectionsCard_UnlinkSecret}
        variables={() => ({ input: { domainId: domain.id, secretId: unlinking?.id ?? "" } })}
        pick={(data) => data.unlinkSecretFromDomain}
        fallback="Not unlinked."
        onDone={onChanged}
        onClose={() => setUnlinking(null)}
      >
        <p>
          Apps using “{unlinking?.label}” from {domain.rootDomain} will be refused from the next request on.
        </p>
      </ConfirmMutationDialog>
    </Card>
  );
}
