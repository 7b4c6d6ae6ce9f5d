import { useState } from "react";
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
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);

  return (
    <Card aria-labelledby="delete-domain-title" className="danger-zone">
      <div className="section-head">
        <div>
          <h2 id="delete-domain-title">Delete domain</h2>
          <p className="muted">Removes the domain with its URLs and secret links.</p>
        </div>
        <Button variant="danger" disabled={!allowed} onClick={() => setOpen(true)}>
          Delete domain
        </Button>
      </div>
      <ConfirmMutationDialog
        open={open}
        title={`Delete ${domain.rootDomain}?`}
        confirmLabel="Delete domain"
        document={DeleteDomainCard_DeleteDomain}
        variables={() => ({ input: { domainId: domain.id } })}
        pick={(data) => data.deleteDomain}
        fallback="Not deleted."
        onDone={() => navigate(`/clients/${clientId}/domains`, { replace: true })}
        onClose={() => setOpen(false)}
      >
        <p>Logins and API calls from {domain.rootDomain} stop working at once. This cannot be undone.</p>
      </ConfirmMutationDialog>
    </Card>
  );
}
