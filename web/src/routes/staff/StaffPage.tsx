import { type FormEvent, useRef, useState } from "react";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../components/ui/Alert";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { EmptyState } from "../../components/ui/EmptyState";
import { Field } from "../../components/ui/Field";
import { StatusBlock } from "../../components/ui/Spinner";
import { describeError, focusFirstInvalid, looksLikeEmail } from "../../lib/errors";
import { SelectField, TextAreaField } from "../account/account-fields";
import { FormError, LoadFailed, SectionHead } from "../clients/members/team-kit";
import { ERROR_FIELDS, formatDateTime, type MutationError, splitMutationError } from "../clients/shared";

type QueueItem = {
  id: string;
  status: "PENDING" | "APPROVED" | "REJECTED" | "CANCELLED";
  notes: string | null;
  createdAt: string;
  scopes: string[];
  client: { id: string; name: string };
  domains: { domainId: string; rootDomain: string }[];
};

const StaffPageViewer = gql<
  { viewer: { id: string; platformRole: "USER" | "STAFF" | "ADMIN" } | null },
  Record<string, never>
>`
  query StaffPage_Viewer {
    viewer {
      id
      platformRole
    }
  }
`;

const StaffPageQueue = gql<
  {
    verificationQueue: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: QueueItem }[];
    };
  },
  { first: number; after: string | null }
>`
  query StaffPage_Queue($first: Int, $after: String) {
    verificationQueue(status: PENDING, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
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
      }
    }
  }
`;

type ReviewPayload = {
  __typename: "ApproveVerificationSuccess" | "RejectVerificationSuccess";
  data: { id: string; status: string };
};

const StaffPageApprove = gql<
  { approveVerification: ReviewPayload | MutationError },
  { input: { requestId: string; note: string | null } }
>`
  mutation StaffPage_Approve($input: ApproveVerificationInput!) {
    approveVerification(input: $input) {
      __typename
      ... on ApproveVerificationSuccess {
        data {
          id
          status
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const StaffPageReject = gql<
  { rejectVerification: ReviewPayload | MutationError },
  { input: { requestId: string; note: string } }
>`
  mutation StaffPage_Reject($input: RejectVerificationInput!) {
    rejectVerification(input: $input) {
      __typename
      ... on RejectVerificationSuccess {
        data {
          id
          status
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const StaffPageSetPlan = gql<
  {
    setUserPlan:
      | { __typename: "SetUserPlanSuccess"; data: { id: string; email: string; name: string } }
      | MutationError;
  },
  { input: { email: string; plan: "FREE" | "PAID" } }
>`
  mutation StaffPage_SetPlan($input: SetUserPlanInput!) {
    setUserPlan(input: $input) {
      __typename
      ... on SetUserPlanSuccess {
        data {
          id
          email
          name
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

/** /staff: the verification review queue and plan changes; a clear refusal for everyone else. */
export function StaffPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StaffPageViewer });
  const role = data?.viewer?.platformRole;

  if (error && !data) {
    return (
      <Card>
        <LoadFailed
          title="We couldn't check your account"
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      </Card>
    );
  }
  if (fetching && !data) return <StatusBlock label="Loading…" />;
  if (role !== "STAFF" && role !== "ADMIN") {
    return (
      <Card aria-labelledby="staff-only-title">
        <title>Staff only · Gatehouse</title>
        <SectionHead id="staff-only-title" title="Staff only">
          This part of Gatehouse is for Gatehouse staff, who review verification requests. If you think you should have
          access, contact the Gatehouse team.
        </SectionHead>
      </Card>
    );
  }
  return (
    <div className="stack">
      <title>Staff · Gatehouse</title>
      <header className="page-header">
        <h1>Staff</h1>
        <p className="muted">Review verification requests and manage plans.</p>
      </header>
      <ReviewQueue />
      <SetPlanForm />
    </div>
  );
}

function ReviewQueue() {
  const [after, setAfter] = useState<(string | null)[]>([]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: StaffPageQueue,
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
        <LoadFailed title="We couldn't load the queue" error={error} onRetry={refresh} />
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
          {after.length > 0 || queue.pageInfo.hasNextPage ? (
            <nav className="team-toolbar" aria-label="Queue pages">
              <Button variant="secondary" disabled={after.length === 0} onClick={() => setAfter((c) => c.slice(0, -1))}>
                Previous
              </Button>
              <Button
                variant="secondary"
                disabled={!queue.pageInfo.hasNextPage}
                onClick={() => setAfter((c) => [...c, queue.pageInfo.endCursor])}
              >
                Next
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </Card>
  );
}

function ReviewItem({ item, onReviewed }: { item: QueueItem; onReviewed: (message: string) => void }) {
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [approveState, approve] = useMutation(StaffPageApprove);
  const [rejectState, reject] = useMutation(StaffPageReject);
  const busy = approveState.fetching || rejectState.fetching;
  const titleId = `review-${item.id}`;

  async function decide(decision: "approve" | "reject") {
    setFormError(null);
    setNoteError(undefined);
    if (decision === "reject" && !note.trim()) {
      setNoteError("Tell the client why the request was rejected.");
      return;
    }
    const result =
      decision === "approve"
        ? await approve({ input: { requestId: item.id, note: note.trim() || null } })
        : await reject({ input: { requestId: item.id, note: note.trim() } });
    const payload =
      result.data &&
      ("approveVerification" in result.data ? result.data.approveVerification : result.data.rejectVerification);
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't save the decision.");
    if ("message" in payload) {
      const split = splitMutationError(payload);
      if (split.fields.note) setNoteError(split.fields.note);
      return setFormError(split.form);
    }
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
          loading={approveState.fetching}
          disabled={busy}
          aria-label={`Approve ${item.client.name}`}
        >
          Approve
        </Button>
        <Button
          variant="danger"
          onClick={() => decide("reject")}
          loading={rejectState.fetching}
          disabled={busy}
          aria-label={`Reject ${item.client.name}`}
        >
          Reject
        </Button>
      </div>
    </li>
  );
}

function SetPlanForm() {
  const [email, setEmail] = useState("");
  const [plan, setPlan] = useState<"FREE" | "PAID">("PAID");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [{ fetching }, setUserPlan] = useMutation(StaffPageSetPlan);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setFormError(null);
    if (!looksLikeEmail(email.trim())) {
      setErrors({ email: "Enter the e-mail address of their Gatehouse account." });
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    const result = await setUserPlan({ input: { email: email.trim(), plan } });
    const payload = result.data?.setUserPlan;
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't change the plan.");
    if (payload.__typename !== "SetUserPlanSuccess") {
      if (payload.__typename === "NotFoundError") setErrors({ email: payload.message });
      else {
        const split = splitMutationError(payload);
        setErrors(split.fields);
        setFormError(split.form);
      }
      return focusFirstInvalid(formRef.current);
    }
    setNotice(`${payload.data.name} (${payload.data.email}) is now on the ${plan === "PAID" ? "Paid" : "Free"} plan.`);
    setEmail("");
  }

  return (
    <Card aria-labelledby="plan-title">
      <SectionHead id="plan-title" title="Change a user's plan">
        Owning clients needs the Paid plan. The change is recorded in the platform audit log.
      </SectionHead>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-busy={fetching || undefined}>
        <fieldset className="team-fieldset" disabled={fetching}>
          <div className="team-form">
            <Field
              label="E-mail address"
              name="email"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={errors.email}
            />
            <SelectField
              label="Plan"
              name="plan"
              value={plan}
              onChange={(event) => setPlan(event.target.value as "FREE" | "PAID")}
              error={errors.plan}
            >
              <option value="PAID">Paid</option>
              <option value="FREE">Free</option>
            </SelectField>
          </div>
        </fieldset>
        <FormError>{formError}</FormError>
        <div>
          <Button type="submit" loading={fetching}>
            Change plan
          </Button>
        </div>
      </form>
    </Card>
  );
}
