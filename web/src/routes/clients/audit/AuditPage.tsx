import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useParams } from "react-router";
import { type CombinedError, gql, useClient } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { looksLikeEmail } from "../../../lib/errors";
import { CLIENT_ACCESS_FIELDS, type ClientAccess, LoadFailed, lacking, SectionHead } from "../members/team-kit";
import { formatDateTime } from "../shared";

const PAGE_SIZE = 25;

type AuditEvent = {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: string | null;
  ip: string | null;
  createdAt: string;
  actor: { name: string; email: string } | null;
  actorClient: string | null;
};

type Filters = { actorEmail: string; action: string; since: string; until: string };
const NO_FILTERS: Filters = { actorEmail: "", action: "", since: "", until: "" };

const AuditPageEvents = gql<
  {
    client:
      | (ClientAccess & {
          auditEvents: {
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            edges: { node: AuditEvent }[];
          } | null;
        })
      | null;
  },
  {
    id: string;
    first: number;
    after: string | null;
    actorEmail: string | null;
    action: string | null;
    since: string | null;
    until: string | null;
  }
>`
  query AuditPage_Events($id: ID!, $first: Int, $after: String, $actorEmail: String, $action: String, $since: DateTime, $until: DateTime) {
    client(id: $id) {
      ${CLIENT_ACCESS_FIELDS}
      auditEvents(first: $first, after: $after, actorEmail: $actorEmail, action: $action, since: $since, until: $until) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            action
            targetType
            targetId
            details
            ip
            createdAt
            actor {
              name
              email
            }
            actorClient
          }
        }
      }
    }
  }
`;

/** The start of a day (local) as ISO, for `since`; `until` is the day after (exclusive). */
function dayStart(value: string, plusDays = 0): string | null {
  if (!value) return null;
  const date = new Date(`${value}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The audit log: who changed what, filterable, newest first. */
export function AuditPage() {
  const { clientId = "" } = useParams();
  const urql = useClient();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [filterErrors, setFilterErrors] = useState<Record<string, string>>({});
  const [client, setClient] = useState<ClientAccess | null | undefined>(undefined);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [denied, setDenied] = useState(false);

  const load = useCallback(
    async (after: string | null, active: Filters) => {
      setLoading(true);
      setError(null);
      const result = await urql
        .query(
          AuditPageEvents,
          {
            id: clientId,
            first: PAGE_SIZE,
            after,
            actorEmail: active.actorEmail.trim() || null,
            action: active.action.trim() || null,
            since: dayStart(active.since),
            until: dayStart(active.until, 1),
          },
          { requestPolicy: "network-only" },
        )
        .toPromise();
      setLoading(false);
      if (result.error && !result.data?.client) return setError(result.error);
      const answer = result.data?.client ?? null;
      setClient(answer);
      const connection = answer?.auditEvents;
      setDenied(!!answer && !connection);
      if (!connection) return;
      const page = connection.edges.map((edge) => edge.node);
      setEvents((current) => (after ? [...current, ...page] : page));
      setCursor(connection.pageInfo.endCursor);
      setHasMore(connection.pageInfo.hasNextPage);
    },
    [urql, clientId],
  );

  useEffect(() => {
    void load(null, filters);
  }, [load, filters]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (draft.actorEmail.trim() && !looksLikeEmail(draft.actorEmail.trim()))
      found.actorEmail = "Enter a whole e-mail address.";
    if (draft.since && draft.until && draft.until < draft.since) found.until = "Choose a day on or after the start.";
    setFilterErrors(found);
    if (Object.keys(found).length === 0) setFilters({ ...draft });
  }

  const filtered = Object.values(filters).some(Boolean);
  const noRead = lacking(client, "AUDIT_READ");

  return (
    <div className="stack">
      <title>Audit log · Gatehouse</title>
      <Card aria-labelledby="audit-title">
        <SectionHead id="audit-title" title="Audit log">
          Every administrative change to this client: who made it, when, and what changed.
        </SectionHead>
        <form className="stack" onSubmit={apply} noValidate aria-label="Filter the audit log">
          <fieldset className="team-fieldset" disabled={loading || denied}>
            <div className="team-form">
              <Field
                label="Actor e-mail"
                name="actorEmail"
                type="email"
                value={draft.actorEmail}
                onChange={(event) => setDraft({ ...draft, actorEmail: event.target.value })}
                error={filterErrors.actorEmail}
              />
              <Field
                label="Action"
                name="action"
                placeholder="e.g. member.added"
                value={draft.action}
                onChange={(event) => setDraft({ ...draft, action: event.target.value })}
                error={filterErrors.action}
              />
              <Field
                label="From (day)"
                name="since"
                type="date"
                value={draft.since}
                onChange={(event) => setDraft({ ...draft, since: event.target.value })}
                error={filterErrors.since}
              />
              <Field
                label="To (day, inclusive)"
                name="until"
                type="date"
                value={draft.until}
                onChange={(event) => setDraft({ ...draft, until: event.target.value })}
                error={filterErrors.until}
              />
            </div>
          </fieldset>
          <div className="team-form-actions">
            <Button type="submit" loading={loading && events.length === 0} disabled={denied}>
              Apply filters
            </Button>
            <Button
              variant="secondary"
              disabled={!filtered || loading}
              onClick={() => {
                setDraft(NO_FILTERS);
                setFilterErrors({});
                setFilters(NO_FILTERS);
              }}
            >
              Clear
            </Button>
          </div>
        </form>
      </Card>
      <Card aria-labelledby="events-title">
        <SectionHead id="events-title" title="Events">
          Newest first.
        </SectionHead>
        {error && events.length === 0 ? (
          <LoadFailed title="We couldn't load the audit log" error={error} onRetry={() => load(null, filters)} />
        ) : client === undefined || (loading && events.length === 0) ? (
          <StatusBlock label="Loading the audit log…" />
        ) : client === null ? (
          <Alert tone="error" title="Client not found">
            This client does not exist or you are no longer a member of it.
          </Alert>
        ) : denied ? (
          <Alert tone="info" title="You cannot read the audit log">
            {noRead}
          </Alert>
        ) : events.length === 0 ? (
          <EmptyState title={filtered ? "No events match these filters" : "No events yet"}>
            {filtered ? "Try a wider date range or clear the filters." : "Changes to the client will be listed here."}
          </EmptyState>
        ) : (
          <>
            <Table caption="Audit events, newest first">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
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
                      <Changes details={event.details} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {error ? (
              <p className="field-error" role="alert">
                We couldn't load more events. Try again.
              </p>
            ) : null}
            <div className="team-toolbar">
              <span className="muted">
                {events.length} event{events.length === 1 ? "" : "s"} shown
              </span>
              {hasMore ? (
                <Button variant="secondary" loading={loading} onClick={() => load(cursor, filters)}>
                  Load more
                </Button>
              ) : (
                <span className="muted">That is everything.</span>
              )}
            </div>
          </>
        )}
      </Card>
    </div>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** `details` is JSON `{ before, after }`: a change reads "field: before → after", a creation "field: value". */
function Changes({ details }: { details: string | null }) {
  if (!details) return <span className="muted">—</span>;
  let parsed: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
  try {
    parsed = JSON.parse(details);
  } catch {
    return <span className="team-code">{details}</span>;
  }
  const before = parsed.before ?? null;
  const after = parsed.after ?? null;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="team-changes">
      {keys.map((key) => {
        const old = before?.[key];
        const next = after?.[key];
        const same = JSON.stringify(old) === JSON.stringify(next);
        return (
          <li key={key}>
            <span className="team-change-key">{key}:</span>{" "}
            {!before || same ? (
              show(next)
            ) : !after ? (
              <>{show(old)} (removed)</>
            ) : (
              <>
                {show(old)}
                <span className="team-arrow" aria-hidden="true">
                  →
                </span>
                <span className="visually-hidden">changed to</span>
                {show(next)}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
