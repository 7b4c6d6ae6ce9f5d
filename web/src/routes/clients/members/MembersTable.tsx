import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("team");
  return (
    <Table
      caption={t("members.caption")}
      columns={[t("members.name"), t("members.role"), t("members.expires")]}
      actions
    >
      {members.map((member) => {
        const above = member.role.level > myLevel;
        const reason = noManage ?? (above ? t("members.above") : null);
        return (
          <tr key={member.id}>
            <td data-label={t("members.name")}>
              <span className="team-cell">
                <span className="team-cell-main">{member.user.name}</span>
                {member.user.email ? <span className="team-cell-sub">{member.user.email}</span> : null}
              </span>
            </td>
            <td data-label={t("members.role")}>
              <Badge tone={member.role.key === "owner" ? "info" : "neutral"}>{member.role.name}</Badge>
            </td>
            <td data-label={t("members.expires")}>
              {member.expiresAt ? (
                <>
                  {formatDate(member.expiresAt)}{" "}
                  {isPast(member.expiresAt) ? <Badge tone="danger">{t("members.expired")}</Badge> : null}
                </>
              ) : (
                <span className="muted">{t("members.never")}</span>
              )}
            </td>
            <td className="table-actions">
              <span className="team-actions">
                <RowButton
                  reason={reason}
                  label={t("members.changeLabel", { name: member.user.name })}
                  onClick={() => onEdit(member)}
                >
                  {t("members.change")}
                </RowButton>
                <RowButton
                  reason={reason}
                  danger
                  label={t("members.removeLabel", { name: member.user.name })}
                  onClick={() => onRemove(member)}
                >
                  {t("members.remove")}
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
