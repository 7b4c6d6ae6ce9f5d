import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("staff");
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
      <SectionHead id="unverified-domains-title" title={t("unverifiedDomains.title")}>
        {t("unverifiedDomains.intro")}
      </SectionHead>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error && !data ? (
        <LoadFailed className="stack" title={t("unverifiedDomains.loadFailed")} error={error} onRetry={refresh} />
      ) : fetching && !data ? (
        <StatusBlock label={t("unverifiedDomains.loading")} />
      ) : domains.length === 0 ? (
        <EmptyState title={t("unverifiedDomains.emptyTitle")}>{t("unverifiedDomains.emptyBody")}</EmptyState>
      ) : (
        <ul className="team-list" aria-label={t("unverifiedDomains.title")}>
          {domains.map((domain) => (
            <li key={domain.id} className="team-item">
              <div className="team-item-head">
                <h3>{domain.rootDomain}</h3>
                <Button
                  variant="secondary"
                  className="btn-sm"
                  onClick={() => setVerifying(domain)}
                  aria-label={t("unverifiedDomains.markOne", { domain: domain.rootDomain })}
                >
                  {t("unverifiedDomains.mark")}
                </Button>
              </div>
              <p className="team-cell-sub">
                {t("unverifiedDomains.added", {
                  client: domain.clientName ?? t("unverifiedDomains.unknownClient"),
                  date: formatDateTime(domain.createdAt),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ConfirmMutationDialog
        open={verifying !== null}
        title={t("unverifiedDomains.confirmTitle", { domain: verifying?.rootDomain ?? "" })}
        confirmLabel={t("unverifiedDomains.mark")}
        tone="primary"
        confirmDisabled={!note.trim()}
        document={UnverifiedDomains_Verify}
        variables={() => ({ input: { domainId: verifying?.id ?? "", note: note.trim() } })}
        pick={(result) => result.verifyDomainOwnership}
        fallback={t("unverifiedDomains.failed")}
        onDone={() => {
          setNotice(t("unverifiedDomains.done", { domain: verifying?.rootDomain ?? "" }));
          refresh();
        }}
        onClose={() => {
          setVerifying(null);
          setNote("");
        }}
      >
        <p>{t("unverifiedDomains.confirmBody")}</p>
        <TextAreaField
          label={t("unverifiedDomains.note")}
          name="ownershipNote"
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </ConfirmMutationDialog>
    </Card>
  );
}
