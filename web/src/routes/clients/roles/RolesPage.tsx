import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { ClientNotFound, lacking, Reason, SectionHead } from "../../../components/team/team-kit";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useClientDashboard } from "../shared";
import { RoleForm } from "./RoleForm";
import { RolesTable } from "./RolesTable";
import { type Role, RoleFields } from "./role-fields";

const RolesPage_Roles = graphql(
  `
    query RolesPage_Roles($id: ID!) {
      client(id: $id) {
        id
        roles {
          ...RoleFields
        }
      }
    }
  `,
  [RoleFields],
);

const RolesPage_Delete = graphql(
  `
    mutation RolesPage_Delete($input: DeleteRoleInput!) {
      deleteRole(input: $input) {
        __typename
        ... on DeleteRoleSuccess {
          data {
            id
            name
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Roles of the client: built-in ones and custom ones with every field. */
export function RolesPage() {
  const { t } = useTranslation("team");
  const { client } = useClientDashboard();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RolesPage_Roles,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const [editing, setEditing] = useState<Role | "new" | null>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const listed = data?.client?.roles;
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const noManage = lacking(client, "ROLES_MANAGE");
  const myLevel = client.myRoleLevel ?? 0;
  const roles = listed ? [...listed].sort((a, b) => b.level - a.level || a.name.localeCompare(b.name)) : [];

  return (
    <div className="stack">
      <title>{t("roles.documentTitle")}</title>
      <Card aria-labelledby="roles-title">
        <SectionHead id="roles-title" title={t("roles.title")}>
          {t("roles.intro")}
        </SectionHead>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error && !data ? (
          <LoadFailed className="stack" title={t("roles.loadFailed")} error={error} onRetry={refresh} />
        ) : fetching && !data ? (
          <StatusBlock label={t("roles.loading")} />
        ) : !listed ? (
          <ClientNotFound />
        ) : roles.length === 0 ? (
          <EmptyState title={t("roles.emptyTitle")}>{t("roles.emptyBody")}</EmptyState>
        ) : (
          <RolesTable roles={roles} myLevel={myLevel} noManage={noManage} onEdit={setEditing} onDelete={setDeleting} />
        )}
        {roles.some((role) => role.builtIn) ? <p className="team-reason">{t("roles.builtInNote")}</p> : null}
        {listed ? (
          <div className="team-toolbar">
            <Button onClick={() => setEditing("new")} disabled={!!noManage || editing === "new"}>
              {t("roles.new")}
            </Button>
            {noManage ? <Reason>{noManage}</Reason> : null}
          </div>
        ) : null}
      </Card>
      {editing ? (
        <RoleForm
          key={editing === "new" ? "new" : editing.id}
          clientId={client.id}
          role={editing === "new" ? null : editing}
          myLevel={myLevel}
          myPermissions={client.myPermissions}
          onCancel={() => setEditing(null)}
          onSaved={(role, created) => {
            setEditing(null);
            setNotice(t(created ? "roles.created" : "roles.saved", { name: role.name }));
            refresh();
          }}
        />
      ) : null}
      <ConfirmMutationDialog
        open={!!deleting}
        title={deleting ? t("roles.deleteTitle", { name: deleting.name }) : t("roles.deleteTitleAny")}
        confirmLabel={t("roles.deleteConfirm")}
        document={RolesPage_Delete}
        variables={() => ({ input: { roleId: deleting?.id ?? "" } })}
        pick={(result) => result.deleteRole}
        fallback={t("roles.deleteFailed")}
        onDone={(success) => {
          setNotice(t("roles.deleted", { name: success.data.name }));
          refresh();
        }}
        onClose={() => setDeleting(null)}
      >
        <p>{t("roles.deleteBody")}</p>
      </ConfirmMutationDialog>
    </div>
  );
}
