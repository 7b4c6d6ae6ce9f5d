import { useState } from "react";
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
      <SectionHead id="queue-title" title="Verification queue">
        Pending requests, oldest first. Approving marks the client VERIFIED; a rejection needs a note telling the client
        why.
      </SectionHead>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error && !data ? (
        <LoadFailed className="stack" title="We couldn't load the queue" error={error} onRetry={refresh} />
      ) : fetching && !data ? (
        <StatusBlock label="Loading the queue…" />
      ) : !queue || queue.edges.length === 0 ? (
        <EmptyState title="Nothing to review">New verification requests will appear here.</EmptyState>
      ) : (
        <>
          <ul className="team-list" aria-label="Pending verification requests">
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
            label="Queue pages"
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
