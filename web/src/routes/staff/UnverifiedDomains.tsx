import { useState } from "react";
import { useQuery } from "urql";
import { SectionHead } from "../../components/team/team-kit";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ConfirmMutationDialog } from "../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../components/ui/EmptyState";
import { TextAreaField } from "../../components/ui/Field";
import { LoadFailed } from "../../components/ui/LoadFailed";
import { StatusBlock } from "../../components/ui/Spinner";
import { formatDateTime } from "../../lib/format";
import { ErrorFields, graphql, type ResultOf } from "../../lib/graphql";

const UnverifiedDomains_List = graphql(`
  query UnverifiedDomains_List {
    domainsAwaitingOwnership {
      id
      rootDomain
      clientName
      createdAt
    }
  }
`);

const UnverifiedDomains_Verify = graphql(
  `
    mutation UnverifiedDomains_Verify($input: VerifyDomainOwnershipInput!) {
      verifyDomainOwnership(input: $input) {
        __typename
        ... on VerifyDomainOwnershipSuccess {
          data {
            id
            ownershipVerified
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Awaiting = ResultOf<typeof UnverifiedDomains_List>["domainsAwaitingOwnership"][number];

/** Domains whose owners have not proven them yet; staff vouch for one they checked another way (audited). */
export function UnverifiedDomains() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UnverifiedDomains_List,
    requestPolicy: "cache-and-network",
  });
  const [verifying, setVerifying] = useState<Awaiting | null>(null);
  const [note, setNote] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const domains = data?.domainsAwaitingOwnership ?? [];

  return (
    <Card aria-labelledby="unverified-domains-title">
      <SectionHead id="unverified-domains-title" title="Unverified domains">
        Clients prove a domain with a DNS record or an HTTPS file. Mark one verified only when you checked its owner
        another way, for example an internal host.
      </SectionHead>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error && !data ? (
        <LoadFailed className="stack" title="We couldn't load the domains" error={error} onRetry={refresh} />
      ) : fetching && !data ? (
        <StatusBlock label="Loading domains…" />
      ) : domains.length === 0 ? (
        <EmptyState title="No unverified domains">New domains appear here until they are proven.</EmptyState>
      ) : (
        <ul className="team-list" aria-label="Unverified domains">
          {domains.map((domain) => (
            <li key={domain.id} className="team-item">
              <div className="team-item-head">
                <h3>{domain.rootDomain}</h3>
                <Button
                  variant="secondary"
                  className="btn-sm"
                  onClick={() => setVerifying(domain)}
                  aria-label={`Mark ${domain.rootDomain} verified`}
                >
                  Mark verified
                </Button>
              </div>
              <p className="team-cell-sub">
                {domain.clientName ?? "Unknown client"} · added {formatDateTime(domain.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ConfirmMutationDialog
        open={verifying !== null}
        title={`Mark ${verifying?.rootDomain ?? ""} verified?`}
        confirmLabel="Mark verified"
        tone="primary"
        confirmDisabled={!note.trim()}
        document={UnverifiedDomains_Verify}
        variables={() => ({ input: { domainId: verifying?.id ?? "", note: note.trim() } })}
        pick={(result) => result.verifyDomainOwnership}
        fallback="Not verified."
        onDone={() => {
          setNotice(`${verifying?.rootDomain ?? "The domain"} is verified; everyone can sign in through it now.`);
          refresh();
        }}
        onClose={() => {
          setVerifying(null);
          setNote("");
        }}
      >
        <p>Everyone, not only the client's test users, can then sign in through this domain.</p>
        <TextAreaField
          label="How you checked it (kept in the audit log)"
          name="ownershipNote"
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </ConfirmMutationDialog>
    </Card>
  );
}
