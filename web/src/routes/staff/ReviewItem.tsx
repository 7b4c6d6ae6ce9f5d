import { useState } from "react";
import { FormError } from "../../components/team/team-kit";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { TextAreaField } from "../../components/ui/Field";
import { formatDateTime } from "../../lib/format";
import { ErrorFields, type FragmentOf, graphql } from "../../lib/graphql";
import { useMutationForm } from "../../lib/use-mutation-form";

export const QueueItemFields = graphql(`
  fragment QueueItemFields on VerificationRequest {
    id
    status
    notes
    createdAt
    scopes
    client {
      id
      name
    }
    domains {
      domainId
      rootDomain
    }
  }
`);

type QueueItem = FragmentOf<typeof QueueItemFields>;

const ReviewItem_Approve = graphql(
  `
    mutation ReviewItem_Approve($input: ApproveVerificationInput!) {
      approveVerification(input: $input) {
        __typename
        ... on ApproveVerificationSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const ReviewItem_Reject = graphql(
  `
    mutation ReviewItem_Reject($input: RejectVerificationInput!) {
      rejectVerification(input: $input) {
        __typename
        ... on RejectVerificationSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function ReviewItem({ item, onReviewed }: { item: QueueItem; onReviewed: (message: string) => void }) {
  const [note, setNote] = useState("");
  const fallback = "We couldn't save the decision.";
  const approve = useMutationForm(ReviewItem_Approve, (data) => data.approveVerification, fallback);
  const reject = useMutationForm(ReviewItem_Reject, (data) => data.rejectVerification, fallback);
  const busy = approve.fetching || reject.fetching;
  const noteError = approve.fieldErrors.note ?? reject.fieldErrors.note;
  const formError = approve.formError ?? reject.formError;
  const titleId = `review-${item.id}`;

  async function decide(decision: "approve" | "reject") {
    (decision === "approve" ? reject : approve).clear();
    if (decision === "reject" && !note.trim()) {
      reject.reject({ note: "Tell the client why the request was rejected." });
      return;
    }
    const decided =
      decision === "approve"
        ? await approve.run({ input: { requestId: item.id, note: note.trim() || null } })
        : await reject.run({ input: { requestId: item.id, note: note.trim() } });
    if (!decided) return;
    onReviewed(
      decision === "approve"
        ? `${item.client.name} is now verified.`
        : `The request of ${item.client.name} was rejected.`,
    );
  }

  return (
    <li className="team-item" aria-labelledby={titleId}>
      <div className="team-item-head">
        <h3 id={titleId}>{item.client.name}</h3>
        <Badge tone="warning">Pending</Badge>
      </div>
      <p className="team-cell-sub">
        Filed {formatDateTime(item.createdAt)} · Domains: {item.domains.map((d) => d.rootDomain).join(", ") || "—"} ·
        Scopes: {item.scopes.join(", ") || "—"}
      </p>
      {item.notes ? <p className="team-note">{item.notes}</p> : null}
      <TextAreaField
        label={`Review note for ${item.client.name}`}
        name="note"
        rows={2}
        value={note}
        disabled={busy}
        onChange={(event) => setNote(event.target.value)}
        error={noteError}
      />
      <FormError>{formError}</FormError>
      <div className="team-form-actions">
        <Button
          onClick={() => decide("approve")}
          loading={approve.fetching}
          disabled={busy}
          aria-label={`Approve ${item.client.name}`}
        >
          Approve
        </Button>
        <Button
          variant="danger"
          onClick={() => decide("reject")}
          loading={reject.fetching}
          disabled={busy}
          aria-label={`Reject ${item.client.name}`}
        >
          Reject
        </Button>
      </div>
    </li>
  );
}
