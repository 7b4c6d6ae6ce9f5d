import { useState } from "react";
import { useTranslation } from "react-i18next";
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

function secretStatus(secret: SecretSummary): "revoked" | "expired" | null {
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
  const { t } = useTranslation("clients");
  const { client } = useClientDashboard();
  const link = useMutationAction(
    SecretConnectionsCard_LinkSecret,
    (data) => data.linkSecretToDomain,
    t("domains.links.linkFailed"),
  );
  const [unlinking, setUnlinking] = useState<SecretSummary | null>(null);

  async function handleLink(secret: SecretSummary) {
    if (await link.run({ input: { domainId: domain.id, secretId: secret.id } })) onChanged();
  }

  return (
    <Card aria-labelledby="secret-links-title">
      <h2 id="secret-links-title">{t("domains.links.title")}</h2>
      <p className="muted">{t("domains.links.intro")}</p>
      {!allowed || secrets === null ? (
        <div className="stack-sm">
          <p className="reason">{missingPermissionReason("SECRETS_MANAGE")}</p>
          <div>
            <Button variant="secondary" disabled>
              {t("domains.links.linkOne")}
            </Button>
          </div>
        </div>
      ) : secrets.length === 0 ? (
        <EmptyState
          title={t("secrets.emptyTitle")}
          action={<Link to={`/clients/${client.id}/secrets`}>{t("secrets.create.title")}</Link>}
        >
          {t("domains.links.emptyBody", { domain: domain.rootDomain })}
        </EmptyState>
      ) : (
        <>
          {link.error ? <Alert tone="error">{link.error}</Alert> : null}
          <Table
            caption={t("domains.links.caption", { domain: domain.rootDomain })}
            columns={[t("secrets.secret"), t("secrets.status.label")]}
            actions
          >
            {secrets.map((secret) => {
              const linked = secret.domains.some((d) => d.domainId === domain.id);
              const dead = secretStatus(secret);
              return (
                <tr key={secret.id}>
                  <td data-label={t("secrets.secret")}>
                    <strong>{secret.label}</strong> <code className="muted">{secret.prefix}…</code>
                  </td>
                  <td data-label={t("secrets.status.label")}>
                    <span className="kv-inline">
                      {linked ? (
                        <Badge tone="success">{t("domains.links.linked")}</Badge>
                      ) : (
                        <Badge tone="neutral">{t("domains.links.notLinked")}</Badge>
                      )}
                      {dead ? <Badge tone="danger">{t(`domains.links.${dead}`)}</Badge> : null}
                    </span>
                  </td>
                  <td className="table-actions">
                    {linked ? (
                      <Button variant="secondary" className="btn-sm" onClick={() => setUnlinking(secret)}>
                        {t("domains.links.unlink")}
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        className="btn-sm"
                        disabled={dead !== null || link.fetching}
                        title={dead ? t("domains.links.dead", { status: t(`domains.links.${dead}`) }) : undefined}
                        onClick={() => handleLink(secret)}
                      >
                        {t("domains.links.link")}
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
        title={t("domains.links.unlinkTitle")}
        confirmLabel={t("domains.links.unlink")}
        document={SecretConnectionsCard_UnlinkSecret}
        variables={() => ({ input: { domainId: domain.id, secretId: unlinking?.id ?? "" } })}
        pick={(data) => data.unlinkSecretFromDomain}
        fallback={t("domains.links.unlinkFailed")}
        onDone={onChanged}
        onClose={() => setUnlinking(null)}
      >
        <p>{t("domains.links.unlinkBody", { label: unlinking?.label ?? "", domain: domain.rootDomain })}</p>
      </ConfirmMutationDialog>
    </Card>
  );
}
