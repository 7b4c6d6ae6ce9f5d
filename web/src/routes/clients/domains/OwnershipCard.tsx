import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { CopyField } from "../../../components/ui/CopyButton";
import { formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { type DomainDetail, DomainFields } from "./domain-fields";

const OwnershipCard_Check = graphql(
  `
    mutation OwnershipCard_Check($input: CheckDomainOwnershipInput!) {
      checkDomainOwnership(input: $input) {
        __typename
        ... on CheckDomainOwnershipSuccess {
          data {
            dns
            https
            domain {
              ...DomainFields
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [DomainFields, ErrorFields],
);

type Outcome = "VERIFIED" | "NOT_FOUND" | "WRONG_VALUE" | "TIMEOUT" | "UNREACHABLE" | "ADDRESS_NOT_ALLOWED";

const OUTCOME: Record<Outcome, string> = {
  VERIFIED: "found, with the right value",
  NOT_FOUND: "not found",
  WRONG_VALUE: "found, but with another value",
  TIMEOUT: "no answer in time",
  UNREACHABLE: "could not be reached",
  ADDRESS_NOT_ALLOWED: "refused: the domain points to a private address",
};

const METHOD: Record<string, string> = {
  DNS: "by its DNS record",
  HTTPS: "by its HTTPS file",
  STAFF: "by Gatehouse staff",
};

/** Shows whether the client proved it owns the domain, how to prove it, and a "Check now" button. */
export function OwnershipCard({ domain, allowed }: { domain: DomainDetail; allowed: boolean }) {
  const check = useMutationAction(
    OwnershipCard_Check,
    (data) => data.checkDomainOwnership,
    "We couldn't check this domain.",
  );
  const [result, setResult] = useState<{ dns: Outcome | null; https: Outcome | null } | null>(null);
  const proof = domain.ownershipProof;

  async function checkNow() {
    setResult(null);
    const payload = await check.run({ input: { domainId: domain.id } });
    if (payload) setResult({ dns: payload.data.dns, https: payload.data.https });
  }

  return (
    <Card aria-labelledby="ownership-title">
      <div className="section-head">
        <div>
          <h2 id="ownership-title">Ownership</h2>
          <p className="muted">
            {domain.ownershipVerified
              ? `Verified${domain.ownershipMethod ? ` ${METHOD[domain.ownershipMethod] ?? ""}` : ""}${
                  domain.ownershipVerifiedAt ? ` on ${formatDateTime(domain.ownershipVerifiedAt)}` : ""
                }. Everyone can sign in through this domain.`
              : "Until you prove that you own this domain, only your team and your test users can sign in through it."}
          </p>
        </div>
        <Badge tone={domain.ownershipVerified ? "success" : "warning"}>
          {domain.ownershipVerified ? "Verified" : "Unverified"}
        </Badge>
      </div>
      {proof ? (
        <div className="stack-sm">
          <p>Do one of these, then press “Check now”.</p>
          <ol className="stack-sm ownership-proof">
            <li className="stack-sm">
              <p>
                <strong>DNS:</strong> add a TXT record at <code>{proof.txtName}</code> with this value:
              </p>
              <CopyField value={proof.txtValue} label={`Copy TXT record value for ${domain.rootDomain}`} />
              <p className="muted">DNS changes can take a while to reach every resolver.</p>
            </li>
            <li className="stack-sm">
              <p>
                <strong>HTTPS file:</strong> serve a text file at <code>{proof.fileUrl}</code> containing only:
              </p>
              <CopyField value={proof.fileContent} label={`Copy file content for ${domain.rootDomain}`} />
              <p className="muted">Redirects are not followed; the file must answer directly over HTTPS.</p>
            </li>
          </ol>
          {check.error ? <Alert tone="error">{check.error}</Alert> : null}
          {result ? (
            <Alert tone={result.dns === "VERIFIED" || result.https === "VERIFIED" ? "success" : "warning"}>
              DNS record: {result.dns ? OUTCOME[result.dns] : "not checked"}. HTTPS file:{" "}
              {result.https ? OUTCOME[result.https] : "not checked"}.
            </Alert>
          ) : null}
          <div>
            <Button onClick={checkNow} disabled={!allowed || check.fetching}>
              {check.fetching ? "Checking…" : "Check now"}
            </Button>
          </div>
        </div>
      ) : null}
      {domain.ownershipVerified && result ? (
        <Alert tone="success">
          Verified {result.dns === "VERIFIED" ? "by its DNS record" : "by its HTTPS file"}. Everyone can sign in now.
        </Alert>
      ) : null}
    </Card>
  );
}
