import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Check, CheckGroup, FormError } from "../../components/team/team-kit";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { TextAreaField } from "../../components/ui/Field";
import { formatDateTime } from "../../lib/format";
import { ErrorFields, type FragmentOf, graphql } from "../../lib/graphql";
import { useMutationForm } from "../../lib/use-mutation-form";
import { PerRequestSwitch } from "./PerRequestSwitch";

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
      verifiedScopesPerRequest
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

/** Toggles one value in a set kept in state. */
const toggled = (set: ReadonlySet<string>, value: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
};

export function ReviewItem({ item, onReviewed }: { item: QueueItem; onReviewed: (message: string) => void }) {
  const { t } = useTranslation("staff");
  const [note, setNote] = useState("");
  // Staff approve what was asked, or a part of it: everything starts ticked.
  const [domainIds, setDomainIds] = useState<ReadonlySet<string>>(() => new Set(item.domains.map((d) => d.domainId)));
  const [scopeKeys, setScopeKeys] = useState<ReadonlySet<string>>(() => new Set(item.scopes));
  const partial = domainIds.size < item.domains.length || scopeKeys.size < item.scopes.length;
  const fallback = t("review.failed");
  const approve = useMutationForm(ReviewItem_Approve, (data) => data.approveVerification, fallback);
  const reject = useMutationForm(ReviewItem_Reject, (data) => data.rejectVerification, fallback);
  const busy = approve.fetching || reject.fetching;
  const noteError = approve.fieldErrors.note ?? reject.fieldErrors.note;
  const formError = approve.formError ?? reject.formError;
  const titleId = `review-${item.id}`;

  async function decide(decision: "approve" | "reject") {
    (decision === "approve" ? reject : approve).clear();
    if (decision === "reject" && !note.trim()) {
      reject.reject({ note: t("review.noteMissing") });
      return;
    }
    if (decision === "approve" && domainIds.size === 0) {
      approve.reject({ domainIds: t("review.noDomain") });
      return;
    }
    const decided =
      decision === "approve"
        ? await approve.run({
            input: {
              requestId: item.id,
              note: note.trim() || null,
              domainIds: [...domainIds],
              scopeKeys: [...scopeKeys],
            },
          })
        : await reject.run({ input: { requestId: item.id, note: note.trim() } });
    if (!decided) return;
    onReviewed(
      decision === "approve"
        ? t(partial ? "review.approvedPart" : "review.approved", { name: item.client.name })
        : t("review.rejected", { name: item.client.name }),
    );
  }

  return (
    <li className="team-item" aria-labelledby={titleId}>
      <div className="team-item-head">
        <h3 id={titleId}>{item.client.name}</h3>
        <Badge tone="warning">{t("review.pending")}</Badge>
      </div>
      <p className="team-cell-sub">
        {t("review.summary", {
          filed: formatDateTime(item.createdAt),
          domains: item.domains.map((d) => d.rootDomain).join(", ") || "—",
          scopes: item.scopes.join(", ") || "—",
        })}
      </p>
      {item.notes ? <p className="team-note">{item.notes}</p> : null}
      <PerRequestSwitch
        clientId={item.client.id}
        clientName={item.client.name}
        allowed={item.client.verifiedScopesPerRequest}
      />
      <CheckGroup legend={t("review.domainsToApprove")} error={approve.fieldErrors.domainIds}>
        {item.domains.map((domain) => (
          <Check
            key={domain.domainId}
            label={domain.rootDomain}
            checked={domainIds.has(domain.domainId)}
            disabled={busy}
            onChange={(event) => setDomainIds(toggled(domainIds, domain.domainId, event.target.checked))}
          />
        ))}
      </CheckGroup>
      {item.scopes.length > 0 ? (
        <CheckGroup legend={t("review.scopesToApprove")} error={approve.fieldErrors.scopeKeys}>
          {item.scopes.map((key) => (
            <Check
              key={key}
              label={key}
              checked={scopeKeys.has(key)}
              disabled={busy}
              onChange={(event) => setScopeKeys(toggled(scopeKeys, key, event.target.checked))}
            />
          ))}
        </CheckGroup>
      ) : null}
      <TextAreaField
        label={t("review.note", { name: item.client.name })}
        name="note"
        rows={2}
        value={note}
        disabled={busy}
        onChange={(event) => {
          setNote(event.target.value);
          reject.clear();
        }}
        error={noteError}
      />
      <FormError>{formError}</FormError>
      <div className="team-form-actions">
        <Button
          onClick={() => decide("approve")}
          loading={approve.fetching}
          disabled={busy}
          aria-label={t("review.approveLabel", { name: item.client.name })}
        >
          {partial ? t("review.approveSelected") : t("review.approve")}
        </Button>
        <Button
          variant="danger"
          onClick={() => decide("reject")}
          loading={reject.fetching}
          disabled={busy}
          aria-label={t("review.rejectLabel", { name: item.client.name })}
        >
          {t("review.reject")}
        </Button>
      </div>
    </li>
  );
}
