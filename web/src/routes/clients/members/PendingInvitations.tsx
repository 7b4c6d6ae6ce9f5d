import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { SectionHead } from "../../../components/team/team-kit";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Table } from "../../../components/ui/Table";
import { formatDate } from "../../../lib/format";
import { ErrorFields, graphql, type ResultOf } from "../../../lib/graphql";

const PendingInvitations_List = graphql(`
  query PendingInvitations_List($id: ID!) {
    client(id: $id) {
      id
      invitations {
        id
        email
        expiresAt
        createdAt
        role {
          id
          name
        }
      }
    }
  }
`);

const PendingInvitations_Revoke = graphql(
  `
    mutation PendingInvitations_Revoke($input: RevokeInvitationInput!) {
      revokeInvitation(input: $input) {
        __typename
        ... on RevokeInvitationSuccess {
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

type Invitation = NonNullable<ResultOf<typeof PendingInvitations_List>["client"]>["invitations"][number];

/** Invitations still waiting for an answer; `changed` re-reads them after the invite form sent one. */
export function PendingInvitations({ clientId, changed }: { clientId: string; changed: string | null }) {
  const { t } = useTranslation("team");
  const [{ data }, reexecute] = useQuery({
    query: PendingInvitations_List,
    variables: { id: clientId },
    requestPolicy: "cache-and-network",
  });
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new notice means the list may have changed.
  useEffect(() => reexecute({ requestPolicy: "network-only" }), [changed]);
  const invitations = data?.client?.invitations ?? [];

  return (
    <Card aria-labelledby="pending-invitations-title">
      <SectionHead id="pending-invitations-title" title={t("pending.title")}>
        {t("pending.intro")}
      </SectionHead>
      {invitations.length === 0 ? (
        <EmptyState title={t("pending.emptyTitle")}>{t("pending.emptyBody")}</EmptyState>
      ) : (
        <Table
          caption={t("pending.title")}
          columns={[t("invite.email"), t("members.role"), t("pending.validUntil")]}
          actions
        >
          {invitations.map((invitation) => (
            <tr key={invitation.id} data-testid="invitation-row">
              <td data-label={t("invite.email")}>{invitation.email}</td>
              <td data-label={t("members.role")}>{invitation.role.name}</td>
              <td data-label={t("pending.validUntil")}>{formatDate(invitation.expiresAt)}</td>
              <td className="table-actions">
                <Button
                  variant="secondary"
                  className="btn-sm"
                  onClick={() => setRevoking(invitation)}
                  aria-label={t("pending.revokeLabel", { email: invitation.email })}
                >
                  {t("pending.revoke")}
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ConfirmMutationDialog
        open={revoking !== null}
        title={t("pending.revokeTitle", { email: revoking?.email ?? "" })}
        confirmLabel={t("pending.revokeConfirm")}
        document={PendingInvitations_Revoke}
        variables={() => ({ input: { invitationId: revoking?.id ?? "" } })}
        pick={(result) => result.revokeInvitation}
        fallback={t("pending.revokeFailed")}
        onDone={() => reexecute({ requestPolicy: "network-only" })}
        onClose={() => setRevoking(null)}
      >
        <p>{t("pending.revokeBody")}</p>
      </ConfirmMutationDialog>
    </Card>
  );
}
