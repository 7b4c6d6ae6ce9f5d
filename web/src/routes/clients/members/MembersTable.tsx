import { type ManagedRows, Reason, RowButton } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Table } from "../../../components/ui/Table";
import { formatDate, isPast } from "../../../lib/format";
import type { Member } from "./member-fields";

export function MembersTable({
  members,
  myLevel,
  noManage,
  onEdit,
  onRemove,
}: ManagedRows<Member> & {
  members: readonly Member[];
  onRemove: (member: Member) => void;
}) {
  return (
    <Table caption="Members of the client" columns={["Name", "Role", "Expires"]} actions>
      {members.map((member) => {
        const above = member.role.level > myLevel;
        const reason = noManage ?? (above ? "Their role is above your own level." : null);
        return (
          <tr key={member.id}>
            <td data-label="Name">
              <span className="team-cell">
                <span className="team-cell-main">{member.user.name}</span>
                {member.user.email ? <span className="team-cell-sub">{member.user.email}</span> : null}
              </span>
            </td>
            <td data-label="Role">
              <Badge tone={member.role.key === "owner" ? "info" : "neutral"}>{member.role.name}</Badge>
            </td>
            <td data-label="Expires">
              {member.expiresAt ? (
                <>
                  {formatDate(member.expiresAt)}{" "}
                  {isPast(member.expiresAt) ? <Badge tone="danger">Expired</Badge> : null}
                </>
              ) : (
                <span className="muted">Never</span>
              )}
            </td>
            <td className="table-actions">
              <span className="team-actions">
                <RowButton
                  reason={reason}
                  label={`Change the role of ${member.user.name}`}
                  onClick={() => onEdit(member)}
                >
                  Change
                </RowButton>
                <RowButton reason={reason} danger label={`Remove ${member.user.name}`} onClick={() => onRemove(member)}>
                  Remove
                </RowButton>
              </span>
              {reason && !noManage ? <Reason>{reason}</Reason> : null}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
