import { type FormEvent, useRef, useState } from "react";
import { useParams } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge, type BadgeTone } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError, focusFirstInvalid } from "../../../lib/errors";
import { TextAreaField } from "../../account/account-fields";
import {
  Check,
  CheckGroup,
  CLIENT_ACCESS_FIELDS,
  type ClientAccess,
  FormError,
  LoadFailed,
  lacking,
  Reason,
  SectionHead,
} from "../members/team-kit";
import { ERROR_FIELDS, formatDateTime, type MutationError, splitMutationError } from "../shared";

type Status = "PENDING" | "APPROVED" | "REJECTED" | "CANCELLED";
type VerificationRequest = {
  id: string;
  status: Status;
  notes: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  createdAt: string;
  domains: { domainId: string; rootDomain: string }[];
  scopes: string[];
};
type Scope = { key: string; description: string; tier: "BASIC" | "VERIFIED" };

const REQUEST_FIELDS = `
  id
  status
  notes
  reviewNote
  reviewedAt
  createdAt
  domains {
    domainId
    rootDomain
  }
  scopes
`;

const VerificationPageData = gql<
  {
    client:
      | (ClientAccess & {
          verification: "UNVERIFIED" | "VERIFIED";
          domains: { id: string; rootDomain: string; primary: boolean }[];
          verificationRequests: VerificationRequest[];
        })
      | null;
    scopes: Scope[];
  },
  { id: string }
>`
  query VerificationPage_Data($id: ID!) {
    client(id: $id) {
      ${CLIENT_ACCESS_FIELDS}
      verification
      domains {
        id
        rootDomain
        primary
      }
      verificationRequests {
        ${REQUEST_FIELDS}
      }
    }
    scopes {
      key
      description
      tier
    }
  }
`;

const VerificationPageRequest = gql<
  { requestVerification: { __typename: "RequestVerificationSuccess"; data: VerificationRequest } | MutationError },
  { input: { clientId: string; domainIds: string[]; scopeKeys: string[]; notes: string | null } }
>`
  mutation VerificationPage_Request($input: RequestVerificationInput!) {
    requestVerification(input: $input) {
      __typename
      ... on RequestVerificationSuccess {
        data {
          ${REQUEST_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

export const VERIFICATION_STATUS: Record<Status, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Pending review", tone: "warning" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

/** Verification Center: ask Gatehouse staff to verify the client, and the history of requests. */
export function VerificationPage() {
  const { clientId = "" } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: VerificationPageData,
    variables: { id: clientId },
    requestPolicy: "cache-and-network",
  });
  const [notice, setNotice] = useState<string | null>(null);
  const client = data?.client;
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  return (
    <div className="stack">
      <title>Verification Center · Gatehouse</title>
      <Card aria-labelledby="verification-title">
        <SectionHead id="verification-title" title="Verification Center">
          Verified clients may ask people for sensitive details (VERIFIED-tier scopes such as addresses). Gatehouse
          staff review each request.
        </SectionHead>
        <div className="stack">
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          {error && !data ? (
            <LoadFailed title="We couldn't load the verification status" error={error} onRetry={refresh} />
          ) : fetching && !data ? (
            <StatusBlock label="Loading verification…" />
          ) : !client ? (
            <Alert tone="error" title="Client not found">
              This client does not exist or you are no longer a member of it.
            </Alert>
          ) : (
            <p>
              Status:{" "}
              {client.verification === "VERIFIED" ? (
                <Badge tone="success">Verified</Badge>
              ) : (
                <Badge tone="warning">Not verified</Badge>
              )}
            </p>
          )}
        </div>
      </Card>
      {client && data ? (
        <>
          <NewRequestForm
            client={client}
            domains={client.domains}
            scopes={data.scopes.filter((scope) => scope.tier === "VERIFIED")}
            pending={client.verificationRequests.some((request) => request.status === "PENDING")}
            onSent={() => {
              setNotice("Your request was sent. Staff will review it; its status appears below.");
              refresh();
            }}
          />
          <Card aria-labelledby="history-title">
            <SectionHead id="history-title" title="Request history" />
            {client.verificationRequests.length === 0 ? (
              <EmptyState title="No requests yet">
                Requests you file appear here with their status and review note.
              </EmptyState>
            ) : (
              <ul className="team-list" aria-label="Verification requests">
                {client.verificationRequests.map((request) => (
                  <li key={request.id} className="team-item">
                    <div className="team-item-head">
                      <h3>Requested {formatDateTime(request.createdAt)}</h3>
                      <Badge tone={VERIFICATION_STATUS[request.status].tone}>
                        {VERIFICATION_STATUS[request.status].label}
                      </Badge>
                    </div>
                    <p className="team-cell-sub">
                      Domains: {request.domains.map((domain) => domain.rootDomain).join(", ") || "—"} · Scopes:{" "}
                      {request.scopes.join(", ") || "—"}
                    </p>
                    {request.notes ? <p className="team-note">{request.notes}</p> : null}
                    {request.reviewedAt ? (
                      <div>
                        <p className="team-cell-sub">Reviewed {formatDateTime(request.reviewedAt)}</p>
                        {request.reviewNote ? <p className="team-note">{request.reviewNote}</p> : null}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}

function NewRequestForm({
  client,
  domains,
  scopes,
  pending,
  onSent,
}: {
  client: ClientAccess;
  domains: { id: string; rootDomain: string; primary: boolean }[];
  scopes: Scope[];
  pending: boolean;
  onSent: () => void;
}) {
  const reason =
    lacking(client, "VERIFICATION_MANAGE") ??
    (pending ? "A request is already waiting for review; you can file a new one once it is decided." : null) ??
    (domains.length === 0 ? "Add a domain first: a request names the domains to verify." : null);
  const [domainIds, setDomainIds] = useState<string[]>(() => domains.filter((d) => d.primary).map((d) => d.id));
  const [scopeKeys, setScopeKeys] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(VerificationPageRequest);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (domainIds.length === 0) found.domainIds = "Choose at least one domain to verify.";
    if (notes.length > 2000) found.notes = "Use at most 2000 characters.";
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);
    const result = await request({ input: { clientId: client.id, domainIds, scopeKeys, notes: notes.trim() || null } });
    const payload = result.data?.requestVerification;
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't send the request.");
    if (payload.__typename !== "RequestVerificationSuccess") {
      const split = splitMutationError(payload);
      setErrors(split.fields);
      setFormError(split.form);
      return focusFirstInvalid(formRef.current);
    }
    setNotes("");
    setScopeKeys([]);
    onSent();
  }

  return (
    <Card aria-labelledby="new-verification-title">
      <SectionHead id="new-verification-title" title="New request" />
      <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-busy={fetching || undefined}>
        <fieldset className="team-fieldset" disabled={!!reason || fetching}>
          <div className="stack">
            <CheckGroup legend="Domains to verify" error={errors.domainIds}>
              {domains.map((domain) => (
                <Check
                  key={domain.id}
                  name="domainIds"
                  value={domain.id}
                  label={domain.rootDomain}
                  hint={domain.primary ? "Primary domain" : undefined}
                  checked={domainIds.includes(domain.id)}
                  onChange={(event) =>
                    setDomainIds((current) =>
                      event.target.checked ? [...current, domain.id] : current.filter((id) => id !== domain.id),
                    )
                  }
                />
              ))}
            </CheckGroup>
            <CheckGroup
              legend="Scopes you need (optional)"
              error={errors.scopeKeys}
              hint="VERIFIED-tier scopes you plan to ask people for."
            >
              {scopes.map((scope) => (
                <Check
                  key={scope.key}
                  name="scopeKeys"
                  value={scope.key}
                  label={scope.description}
                  hint={<code>{scope.key}</code>}
                  checked={scopeKeys.includes(scope.key)}
                  onChange={(event) =>
                    setScopeKeys((current) =>
                      event.target.checked ? [...current, scope.key] : current.filter((k) => k !== scope.key),
                    )
                  }
                />
              ))}
            </CheckGroup>
            <TextAreaField
              label="Notes for the reviewer (optional)"
              name="notes"
              rows={3}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              error={errors.notes}
            />
          </div>
        </fieldset>
        <FormError>{formError}</FormError>
        <div className="team-form-actions">
          <Button type="submit" loading={fetching} disabled={!!reason}>
            Request verification
          </Button>
          {reason ? <Reason>{reason}</Reason> : null}
        </div>
      </form>
    </Card>
  );
}
