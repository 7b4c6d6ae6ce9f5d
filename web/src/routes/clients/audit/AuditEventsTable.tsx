import { useTranslation } from "react-i18next";
import { Table } from "../../../components/ui/Table";
import { formatDateTime } from "../../../lib/format";
import { AuditChanges } from "./AuditChanges";
import type { AuditEvent } from "./audit-event-fields";

export function AuditEventsTable({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useTranslation("clients");
  return (
    <Table
      caption={t("audit.caption")}
      columns={[t("audit.when"), t("audit.who"), t("audit.action"), t("audit.change")]}
    >
      {events.map((event) => (
        <tr key={event.id}>
          <td data-label={t("audit.when")}>
            <span className="team-cell">
              {formatDateTime(event.createdAt)}
              {event.ip ? <span className="team-cell-sub">{event.ip}</span> : null}
            </span>
          </td>
          <td data-label={t("audit.who")}>
            <span className="team-cell">
              {event.actor ? (
                <>
                  <span className="team-cell-main">{event.actor.name}</span>
                  <span className="team-cell-sub">{event.actor.email}</span>
                </>
              ) : event.actorClient ? (
                <span>{t("audit.partnerTooling")}</span>
              ) : (
                <span className="muted">{t("audit.system")}</span>
              )}
            </span>
          </td>
          <td data-label={t("audit.action")}>
            <span className="team-cell">
              <code className="team-code team-nowrap">{event.action}</code>
              <span className="team-cell-sub">{event.targetType}</span>
            </span>
          </td>
          <td data-label={t("audit.change")}>
            <AuditChanges details={event.details} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
