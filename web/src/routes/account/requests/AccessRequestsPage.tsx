import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { formatDateTime } from "../../../lib/format";
import { graphql } from "../../../lib/graphql";
import { IncomingRequestFields } from "./incoming-request-fields";
import { KIND_LABEL, PendingRequestItem } from "./PendingRequestItem";

const AccessRequestsPage_Requests = graphql(
  `
    query AccessRequestsPage_Requests {
      viewer {
        id
        pending: accessRequests(status: PENDING) {
          ...IncomingRequestFields
        }
        accepted: accessRequests(status: ACCEPTED) {
          ...IncomingRequestFields
        }
        declined: accessRequests(status: DECLINED) {
          ...IncomingRequestFields
        }
      }
    }
  `,
  [IncomingRequestFields],
);

export function AccessRequestsPage() {
  const { t } = useTranslation("account");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AccessRequestsPage_Requests,
    requestPolicy: "cache-and-network",
  });
  const [notice, setNotice] = useState<string | null>(null);
  const viewer = data?.viewer;
  const answered = viewer
    ? [...viewer.accepted, ...viewer.declined].sort((a, b) =>
        (b.respondedAt ?? b.createdAt).localeCompare(a.respondedAt ?? a.createdAt),
      )
    : [];

  return (
    <div className="stack">
      <title>{t("requests.tabTitle")}</title>
      <SectionCard id="requests-title" title={t("requests.title")} description={t("requests.description")}>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error && !data ? (
          <LoadFailed
            className="stack"
            title={t("requests.loadFailed")}
            error={error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : fetching && !viewer ? (
          <StatusBlock label={t("requests.loading")} />
        ) : viewer && viewer.pending.length === 0 ? (
          <EmptyState title={t("requests.emptyTitle")}>{t("requests.emptyBody")}</EmptyState>
        ) : viewer ? (
          <ul className="item-list" aria-label={t("requests.waiting")}>
            {viewer.pending.map((request) => (
              <PendingRequestItem
                key={request.id}
                request={request}
                onStart={() => setNotice(null)}
                onAnswered={(message) => {
                  setNotice(message);
                  reexecute({ requestPolicy: "network-only" });
                }}
              />
            ))}
          </ul>
        ) : null}
      </SectionCard>
      {answered.length > 0 ? (
        <Card aria-labelledby="answered-title">
          <h2 id="answered-title">{t("requests.answered")}</h2>
          <ul className="plain-list">
            {answered.map((request) => (
              <li key={request.id} className="plain-row">
                <span>
                  <strong>{request.client.name}</strong> · {t(KIND_LABEL[request.kind])}
                </span>
                <span className="item-meta">
                  <Badge tone={request.status === "ACCEPTED" ? "success" : "neutral"}>
                    {request.status === "ACCEPTED" ? t("requests.accepted") : t("requests.declined")}
                  </Badge>{" "}
                  {request.respondedAt ? formatDateTime(request.respondedAt) : null}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
