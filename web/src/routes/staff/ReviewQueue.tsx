import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Pager } from "../../components/team/Pager";
import { SectionHead } from "../../components/team/team-kit";
import { Alert } from "../../components/ui/Alert";
import { Card } from "../../components/ui/Card";
import { EmptyState } from "../../components/ui/EmptyState";
import { LoadFailed } from "../../components/ui/LoadFailed";
import { StatusBlock } from "../../components/ui/Spinner";
import { graphql } from "../../lib/graphql";
import { QueueItemFields, ReviewItem } from "./ReviewItem";

const ReviewQueue_Queue = graphql(
  `
    query ReviewQueue_Queue($first: Int, $after: String) {
      verificationQueue(status: PENDING, first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...QueueItemFields
          }
        }
      }
    }
  `,
  [QueueItemFields],
);

export function ReviewQueue() {
  const { t } = useTranslation("staff");
  const [after, setAfter] = useState<(string | null)[]>([]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ReviewQueue_Queue,
    variables: { first: 20, after: after[after.length - 1] ?? null },
    requestPolicy: "cache-and-network",
  });
  const [notice, setNotice] = useState<string | null>(null);
  const queue = data?.verificationQueue;
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  return (
    <Card aria-labelledby="queue-title">
      <SectionHead id="queue-title" title={t("queue.title")}>
        {t("queue.intro")}
      </SectionHead>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error && !data ? (
        <LoadFailed className="stack" title={t("queue.loadFailed")} error={error} onRetry={refresh} />
      ) : fetching && !data ? (
        <StatusBlock label={t("queue.loading")} />
      ) : !queue || queue.edges.length === 0 ? (
        <EmptyState title={t("queue.emptyTitle")}>{t("queue.emptyBody")}</EmptyState>
      ) : (
        <>
          <ul className="team-list" aria-label={t("queue.listLabel")}>
            {queue.edges.map(({ node }) => (
              <ReviewItem
                key={node.id}
                item={node}
                onReviewed={(message) => {
                  setNotice(message);
                  refresh();
                }}
              />
            ))}
          </ul>
          <Pager
            label={t("queue.pages")}
            page={after.length}
            hasNextPage={queue.pageInfo.hasNextPage}
            onPrevious={() => setAfter((c) => c.slice(0, -1))}
            onNext={() => setAfter((c) => [...c, queue.pageInfo.endCursor])}
          />
        </>
      )}
    </Card>
  );
}
