import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
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

const METHODS = ["DNS", "HTTPS", "STAFF"] as const;
const isMethod = (method: string | null | undefined): method is (typeof METHODS)[number] =>
  METHODS.some((known) => known === method);

/** Shows whether the client proved it owns the domain, how to prove it, and a "Check now" button. */
export function OwnershipCard({ domain, allowed }: { domain: DomainDetail; allowed: boolean }) {
  const { t } = useTranslation("clients");
  const check = useMutationAction(OwnershipCard_Check, (data) => data.checkDomainOwnership, t("ownership.checkFailed"));
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
          <h2 id="ownership-title">{t("ownership.title")}</h2>
          <p className="muted">
            {domain.ownershipVerified
              ? t("ownership.verifiedText", {
                  how: isMethod(domain.ownershipMethod) ? ` ${t(`ownership.method.${domain.ownershipMethod}`)}` : "",
                  when: domain.ownershipVerifiedAt
                    ? ` ${t("ownership.on", { date: formatDateTime(domain.ownershipVerifiedAt) })}`
                    : "",
                })
              : t("ownership.unverifiedText")}
          </p>
        </div>
        <Badge tone={domain.ownershipVerified ? "success" : "warning"}>
          {domain.ownershipVerified ? t("ownership.verified") : t("unverified")}
        </Badge>
      </div>
      {proof ? (
        <div className="stack-sm">
          <p>{t("ownership.doOne")}</p>
          <ol className="stack-sm ownership-proof">
            <li className="stack-sm">
              <p>
                <Trans
                  t={t}
                  i18nKey="ownership.dns"
                  values={{ name: proof.txtName }}
                  components={{ strong: <strong />, code: <code /> }}
                />
              </p>
              <CopyField value={proof.txtValue} label={t("ownership.copyTxt", { domain: domain.rootDomain })} />
              <p className="muted">{t("ownership.dnsHint")}</p>
            </li>
            <li className="stack-sm">
              <p>
                <Trans
                  t={t}
                  i18nKey="ownership.https"
                  values={{ url: proof.fileUrl }}
                  components={{ strong: <strong />, code: <code /> }}
                />
              </p>
              <CopyField value={proof.fileContent} label={t("ownership.copyFile", { domain: domain.rootDomain })} />
              <p className="muted">{t("ownership.httpsHint")}</p>
            </li>
          </ol>
          {check.error ? <Alert tone="error">{check.error}</Alert> : null}
          {result ? (
            <Alert tone={result.dns === "VERIFIED" || result.https === "VERIFIED" ? "success" : "warning"}>
              {t("ownership.result", {
                dns: t(`ownership.outcome.${result.dns ?? "NOT_CHECKED"}`),
                https: t(`ownership.outcome.${result.https ?? "NOT_CHECKED"}`),
              })}
            </Alert>
          ) : null}
          <div>
            <Button onClick={checkNow} disabled={!allowed || check.fetching}>
              {check.fetching ? t("ownership.checking") : t("ownership.checkNow")}
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
