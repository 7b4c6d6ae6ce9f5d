import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { ErrorFields, graphql } from "../../../lib/graphql";
import type { DomainDetail } from "./domain-fields";

const DeleteDomainCard_DeleteDomain = graphql(
  `
    mutation DeleteDomainCard_DeleteDomain($input: DeleteDomainInput!) {
      deleteDomain(input: $input) {
        __typename
        ... on DeleteDomainSuccess {
          data {
            id
            rootDomain
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function DeleteDomainCard({
  domain,
  clientId,
  allowed,
}: {
  domain: DomainDetail;
  clientId: string;
  allowed: boolean;
}) {
  const { t } = useTranslation("clients");
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);

  return (
    <Card aria-labelledby="delete-domain-title" className="danger-zone">
      <div className="section-head">
        <div>
          <h2 id="delete-domain-title">{t("domains.delete.title")}</h2>
          <p className="muted">{t("domains.delete.intro")}</p>
        </div>
        <Button variant="danger" disabled={!allowed} onClick={() => setOpen(true)}>
          {t("domains.delete.title")}
        </Button>
      </div>
      <ConfirmMutationDialog
        open={open}
        title={t("delete.confirmTitle", { name: domain.rootDomain })}
        confirmLabel={t("domains.delete.title")}
        document={DeleteDomainCard_DeleteDomain}
        variables={() => ({ input: { domainId: domain.id } })}
        pick={(data) => data.deleteDomain}
        fallback={t("domains.delete.failed")}
        onDone={() => navigate(`/clients/${clientId}/domains`, { replace: true })}
        onClose={() => setOpen(false)}
      >
        <p>{t("domains.delete.body", { domain: domain.rootDomain })}</p>
      </ConfirmMutationDialog>
    </Card>
  );
}
