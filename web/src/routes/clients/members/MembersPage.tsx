import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { ClientNotFound, lacking, Reason, SectionHead } from "../../../components/team/team-kit";
import { Alert } from "../../../components/ui/Alert";
import { Card } from "../../../components/ui/Card";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useClientDashboard } from "../shared";
import { EditMemberDialog } from "./EditMemberDialog";
import { InviteForm } from "./InviteForm";
import { MembersTable } from "./MembersTable";
import { type Member, MemberFields, RoleOptionFields } from "./member-fields";
import { PendingInvitations } from "./PendingInvitations";

const MembersPage_Members = graphql(
  `
    query MembersPage_Members($id: ID!) {
      client(id: $id) {
        id
        members {
          ...MemberFields
        }
        roles {
          ...RoleOptionFields
        }
      }
    }
  `,
  [MemberFields, RoleOptionFields],
);

const MembersPage_Remove = graphql(
  `
    mutation MembersPage_Remove($input: RemoveMemberInput!) {
      removeMember(input: $input) {
        __typename
        ... on RemoveMemberSuccess {
          data {
            id
            email
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Members of the client: invite by e-mail, change role and expiry, remove. */
export function MembersPage() {
  const { t } = useTranslation("team");
  const { client } = useClientDashboard();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MembersPage_Members,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const members = data?.client?.members;
  const roles = data?.client?.roles ?? [];
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const noManage = lacking(client, "MEMBERS_MANAGE");
  const myLevel = client.myRoleLevel ?? 0;

  return (
    <div className="stack">
      <title>{t("members.documentTitle")}</title>
      <Card aria-labelledby="members-title">
        <SectionHead id="members-title" title={t("members.title")}>
          {t("members.intro")}
        </SectionHead>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error && !data ? (
          <LoadFailed className="stack" title={t("members.loadFailed")} error={error} onRetry={refresh} />
        ) : fetching && !data ? (
          <StatusBlock label={t("members.loading")} />
        ) : !members ? (
          <ClientNotFound />
        ) : members.length === 0 ? (
          <EmptyState title={t("members.emptyTitle")}>{t("members.emptyBody")}</EmptyState>
        ) : (
          <MembersTable
            members={members}
            myLevel={myLevel}
            noManage={noManage}
            onEdit={setEditing}
            onRemove={setRemoving}
          />
        )}
        {noManage && members ? <Reason>{noManage}</Reason> : null}
      </Card>
      {members ? (
        <InviteForm
          clientId={client.id}
          roles={roles}
          myLevel={myLevel}
          noManage={noManage}
          onInvited={(invitation) => {
            setNotice(t("members.invited", { email: invitation.email, role: invitation.role.name }));
            refresh();
          }}
        />
      ) : null}
      {members && !noManage ? <PendingInvitations clientId={client.id} changed={notice} /> : null}
      {editing ? (
        <EditMemberDialog
          member={editing}
          roles={roles}
          myLevel={myLevel}
          onClose={() => setEditing(null)}
          onSaved={(member) => {
            setEditing(null);
            setNotice(t("members.changed", { name: member.user.name, role: member.role.name }));
            refresh();
          }}
        />
      ) : null}
      <ConfirmMutationDialog
        open={!!removing}
        title={removing ? t("members.removeTitle", { name: removing.user.name }) : t("members.removeTitleAny")}
        confirmLabel={t("members.removeConfirm")}
        document={MembersPage_Remove}
        variables={() => ({ input: { memberId: removing?.id ?? "" } })}
        pick={(result) => result.removeMember}
        fallback={t("members.removeFailed")}
        onDone={() => {
          setNotice(t("members.removed", { name: removing?.user.name ?? "" }));
          refresh();
        }}
        onClose={() => setRemoving(null)}
      >
        <p>{t("members.removeBody")}</p>
      </ConfirmMutationDialog>
    </div>
  );
}
