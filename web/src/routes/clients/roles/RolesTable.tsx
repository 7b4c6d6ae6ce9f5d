import { type ManagedRows, Reason, RowButton } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Table } from "../../../components/ui/Table";
import { formatDate, isPast } from "../../../lib/format";
import { ALL_PERMISSIONS, permissionLabel } from "../../../lib/permissions";
import type { Role } from "./role-fields";

const BUILT_IN_REASON = "Built-in roles cannot be deleted.";

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
  return (
    <Table caption="Roles of the client" columns={["Role", "Level", "Permissions", "Status"]} actions>
      {roles.map((role) => {
        const above = role.level > myLevel ? `Its level (${role.level}) is above your own (${myLevel}).` : null;
        const editReason = noManage ?? above;
        const deleteReason = editReason ?? (role.builtIn ? BUILT_IN_REASON : null);
        return (
          <tr key={role.id}>
            <td data-label="Role">
              <span className="team-cell">
                <span className="team-cell-main">{role.name}</span>{" "}
                {role.builtIn ? <Badge tone="info">Built-in</Badge> : null}
                <span className="team-cell-sub">
                  <code className="team-code">{role.key}</code>
                  {role.group ? ` · ${role.group}` : ""}
                </span>
                {role.description ? <span className="team-cell-sub">{role.description}</span> : null}
              </span>
            </td>
            <td data-label="Level">{role.level}</td>
            <td data-label="Permissions">
              {role.permissions.length === 0 ? (
                <span className="muted">None</span>
              ) : role.permissions.length === ALL_PERMISSIONS.length ? (
                <span>All {ALL_PERMISSIONS.length}</span>
              ) : (
                <span className="team-tags">
                  {role.permissions.map((permission) => (
                    <Badge key={permission}>{permissionLabel(permission)}</Badge>
                  ))}
                </span>
              )}
            </td>
            <td data-label="Status">
              <span className="team-cell">
                {role.status === "DISABLED" ? (
                  <Badge tone="warning">Disabled</Badge>
                ) : isPast(role.expiresAt) ? (
                  <Badge tone="danger">Expired</Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
                {role.expiresAt ? <span className="team-cell-sub">until {formatDate(role.expiresAt)}</span> : null}
              </span>
            </td>
            <td className="table-actions">
              <span className="team-actions">
                <RowButton reason={editReason} label={`Edit the ${role.name} role`} onClick={() => onEdit(role)}>
                  Edit
                </RowButton>
                <RowButton
                  reason={deleteReason}
                  danger
                  label={`Delete the ${role.name} role`}
                  onClick={() => onDelete(role)}
                >
                  Delete
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
