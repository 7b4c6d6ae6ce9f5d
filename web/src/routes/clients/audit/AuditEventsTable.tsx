import { Table } from "../../../components/ui/Table";
import { formatDateTime } from "../../../lib/format";
import { AuditChanges } from "./AuditChanges";
import type { AuditEvent } from "./audit-event-fields";

export function AuditEventsTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <Table caption="Audit events, newest first" columns={["When", "Who", "Action", "Change"]}>
      {events.map((event) => (
        <tr key={event.id}>
          <td data-label="When">
            <span className="team-cell">
              {formatDateTime(event.createdAt)}
              {event.ip ? <span className="team-cell-sub">{event.ip}</span> : null}
            </span>
          </td>
          <td data-label="Who">
            <span className="team-cell">
              {event.actor ? (
                <>
                  <span className="team-cell-main">{event.actor.name}</span>
                  <span className="team-cell-sub">{event.actor.email}</span>
                </>
              ) : event.actorClient ? (
                <span>Partner tooling</span>
              ) : (
                <span className="muted">System</span>
              )}
            </span>
          </td>
          <td data-label="Action">
            <span className="team-cell">
              <code className="team-code team-nowrap">{event.action}</code>
              <span className="team-cell-sub">{event.targetType}</span>
            </span>
          </td>
          <td data-label="Change">
            <AuditChanges details={event.details} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
