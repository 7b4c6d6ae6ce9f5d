import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CombinedError, useClient } from "urql";
import { ClientNotFound, lacking, SectionHead } from "../../../components/team/team-kit";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { looksLikeEmail } from "../../../lib/errors";
import { formatNumber } from "../../../lib/format";
import { graphql } from "../../../lib/graphql";
import { useClientDashboard } from "../shared";
import { AuditEventsTable } from "./AuditEventsTable";
import { AuditFilterForm, type Filters, NO_FILTERS } from "./AuditFilterForm";
import { type AuditEvent, AuditEventFields } from "./audit-event-fields";

const PAGE_SIZE = 25;

const AuditPage_Events = graphql(
  `
    query AuditPage_Events(
      $id: ID!
      $first: Int
      $after: String
      $actorEmail: String
      $action: String
      $since: DateTime
      $until: DateTime
    ) {
      client(id: $id) {
        id
        auditEvents(first: $first, after: $after, actorEmail: $actorEmail, action: $action, since: $since, until: $until) {
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ...AuditEventFields
            }
          }
        }
      }
    }
  `,
  [AuditEventFields],
);

/** The start of a day (local) as ISO, for `since`; `until` is the day after (exclusive). */
function dayStart(value: string, plusDays = 0): string | null {
  if (!value) return null;
  const date = new Date(`${value}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The audit log: who changed what, filterable, newest first. */
export function AuditPage() {
  const { client: viewer } = useClientDashboard();
  const { t } = useTranslation("clients");
  const clientId = viewer.id;
  const urql = useClient();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [filterErrors, setFilterErrors] = useState<Record<string, string>>({});
  // undefined until the first answer; null when the client is gone.
  const [client, setClient] = useState<{ id: string } | null | undefined>(undefined);
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
          AuditPage_Events,
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

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (draft.actorEmail.trim() && !looksLikeEmail(draft.actorEmail.trim()))
      found.actorEmail = t("audit.filter.emailInvalid");
    if (draft.since && draft.until && draft.until < draft.since) found.until = t("audit.filter.untilBeforeSince");
    setFilterErrors(found);
    if (Object.keys(found).length === 0) setFilters({ ...draft });
  }

  const filtered = Object.values(filters).some(Boolean);
  const noRead = lacking(viewer, "AUDIT_READ");

  return (
    <div className="stack">
      <title>{t("audit.documentTitle")}</title>
      <Card aria-labelledby="audit-title">
        <SectionHead id="audit-title" title={t("sections.audit")}>
          {t("audit.intro")}
        </SectionHead>
        <AuditFilterForm
          draft={draft}
          errors={filterErrors}
          disabled={loading || denied}
          applying={loading && events.length === 0}
          denied={denied}
          filtered={filtered}
          clearing={loading}
          onChange={setDraft}
          onApply={apply}
          onClear={() => {
            setDraft(NO_FILTERS);
            setFilterErrors({});
            setFilters(NO_FILTERS);
          }}
        />
      </Card>
      <Card aria-labelledby="events-title">
        <SectionHead id="events-title" title={t("audit.events")}>
          {t("audit.newestFirst")}
        </SectionHead>
        {error && events.length === 0 ? (
          <LoadFailed
            className="stack"
            title={t("audit.loadFailed")}
            error={error}
            onRetry={() => load(null, filters)}
          />
        ) : client === undefined || (loading && events.length === 0) ? (
          <StatusBlock label={t("audit.loading")} />
        ) : client === null ? (
          <ClientNotFound />
        ) : denied ? (
          <Alert tone="info" title={t("audit.denied")}>
            {noRead}
          </Alert>
        ) : events.length === 0 ? (
          <EmptyState title={filtered ? t("audit.noMatchTitle") : t("audit.emptyTitle")}>
            {filtered ? t("audit.noMatchBody") : t("audit.emptyBody")}
          </EmptyState>
        ) : (
          <>
            <AuditEventsTable events={events} />
            {error ? (
              <p className="field-error" role="alert">
                {t("audit.moreFailed")}
              </p>
            ) : null}
            <div className="team-toolbar">
              <span className="muted">
                {t("audit.shown", { count: events.length, formatted: formatNumber(events.length) })}
              </span>
              {hasMore ? (
                <Button variant="secondary" loading={loading} onClick={() => load(cursor, filters)}>
                  {t("audit.loadMore")}
                </Button>
              ) : (
                <span className="muted">{t("audit.everything")}</span>
              )}
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
