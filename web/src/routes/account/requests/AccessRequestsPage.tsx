import { useState } from "react";
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
      <title>Access requests · Gatehouse</title>
      <SectionCard
        id="requests-title"
        title="Access requests"
        description="Apps can ask you for more of your details, or invite you to test them before they go live."
      >
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error && !data ? (
          <LoadFailed
            className="stack"
            title="We couldn't load your requests"
            error={error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : fetching && !viewer ? (
          <StatusBlock label="Loading your requests…" />
        ) : viewer && viewer.pending.length === 0 ? (
          <EmptyState title="No requests waiting">
            When an app asks you for something, you can answer it here.
          </EmptyState>
        ) : viewer ? (
          <ul className="item-list" aria-label="Requests waiting for your answer">
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
          <h2 id="answered-title">Answered</h2>
          <ul className="plain-list">
            {answered.map((request) => (
              <li key={request.id} className="plain-row">
                <span>
                  <strong>{request.client.name}</strong> · {KIND_LABEL[request.kind]}
                </span>
                <span className="item-meta">
                  <Badge tone={request.status === "ACCEPTED" ? "success" : "neutral"}>
                    {request.status === "ACCEPTED" ? "Accepted" : "Declined"}
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
