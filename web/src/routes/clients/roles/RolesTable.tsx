import { useTranslation } from "react-i18next";
import { type ManagedRows, Reason, RowButton } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Table } from "../../../components/ui/Table";
import { formatDate, isPast } from "../../../lib/format";
import { ALL_PERMISSIONS, permissionLabel } from "../../../lib/permissions";
import type { Role } from "./role-fields";

export function RolesTable({
  roles,
  myLevel,
  noManage,
  onEdit,
  onDelete,
}: ManagedRows<Role> & {
  roles: readonly Role[];
  onDelete: (role: Role) => void;
}) {
  const { t } = useTranslation("team");
  return (
    <Table
      caption={t("roles.caption")}
      columns={[t("members.role"), t("roles.level"), t("roles.permissions"), t("roles.status")]}
      actions
    >
      {roles.map((role) => {
        const above = role.level > myLevel ? t("roles.above", { level: role.level, mine: myLevel }) : null;
        const editReason = noManage ?? above;
        const deleteReason = editReason ?? (role.builtIn ? t("roles.builtInReason") : null);
        return (
          <tr key={role.id}>
            <td data-label={t("members.role")}>
              <span className="team-cell">
                <span className="team-cell-main">{role.name}</span>{" "}
                {role.builtIn ? <Badge tone="info">{t("roles.builtIn")}</Badge> : null}
                <span className="team-cell-sub">
                  <code className="team-code">{role.key}</code>
                  {role.group ? ` · ${role.group}` : ""}
                </span>
                {role.description ? <span className="team-cell-sub">{role.description}</span> : null}
              </span>
            </td>
            <td data-label={t("roles.level")}>{role.level}</td>
            <td data-label={t("roles.permissions")}>
              {role.permissions.length === 0 ? (
                <span className="muted">{t("roles.none")}</span>
              ) : role.permissions.length === ALL_PERMISSIONS.length ? (
                <span>{t("roles.all", { count: ALL_PERMISSIONS.length })}</span>
              ) : (
                <span className="team-tags">
                  {role.permissions.map((permission) => (
                    <Badge key={permission}>{permissionLabel(permission)}</Badge>
                  ))}
                </span>
              )}
            </td>
            <td data-label={t("roles.status")}>
              <span className="team-cell">
                {role.status === "DISABLED" ? (
                  <Badge tone="warning">{t("roles.disabled")}</Badge>
                ) : isPast(role.expiresAt) ? (
                  <Badge tone="danger">{t("members.expired")}</Badge>
                ) : (
                  <Badge tone="success">{t("roles.active")}</Badge>
                )}
                {role.expiresAt ? (
                  <span className="team-cell-sub">{t("roles.until", { date: formatDate(role.expiresAt) })}</span>
                ) : null}
              </span>
            </td>
            <td className="table-actions">
              <span className="team-actions">
                <RowButton
                  reason={editReason}
                  label={t("roles.editLabel", { name: role.name })}
                  onClick={() => onEdit(role)}
                >
                  {t("roles.edit")}
                </RowButton>
                <RowButton
                  reason={deleteReason}
                  danger
                  label={t("roles.deleteLabel", { name: role.name })}
                  onClick={() => onDelete(role)}
                >
                  {t("roles.delete")}
                </RowButton>
              </span>
              {editReason && !noManage ? <Reason>{editReason}</Reason> : null}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
