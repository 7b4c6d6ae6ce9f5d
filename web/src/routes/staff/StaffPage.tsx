import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { SecondFactorRequired } from "../../components/auth/SecondFactorRequired";
import { SectionHead } from "../../components/team/team-kit";
import { Card } from "../../components/ui/Card";
import { LoadFailed } from "../../components/ui/LoadFailed";
import { StatusBlock } from "../../components/ui/Spinner";
import { graphql } from "../../lib/graphql";
import { AddScopeForm } from "./AddScopeForm";
import { ApprovedVerifications } from "./ApprovedVerifications";
import { ReviewQueue } from "./ReviewQueue";
import { SetPlanForm } from "./SetPlanForm";
import { SignInProvidersCard } from "./SignInProvidersCard";
import { UnverifiedDomains } from "./UnverifiedDomains";

const StaffPage_Viewer = graphql(`
  query StaffPage_Viewer {
    viewer {
      id
      platformRole
      staffNeedsSecondFactor
    }
  }
`);

/** /staff: the verification review queue and plan changes; a clear refusal for everyone else. */
export function StaffPage() {
  const { t } = useTranslation("staff");
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StaffPage_Viewer });
  const role = data?.viewer?.platformRole;

  if (error && !data) {
    return (
      <Card>
        <LoadFailed
          className="stack"
          title={t("page.checkFailed")}
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      </Card>
    );
  }
  if (fetching && !data) return <StatusBlock label={t("page.loading")} />;
  if (role !== "STAFF" && role !== "ADMIN") {
    return (
      <Card aria-labelledby="staff-only-title">
        <title>{t("page.onlyDocumentTitle")}</title>
        <SectionHead id="staff-only-title" title={t("page.onlyTitle")}>
          {t("page.onlyBody")}
        </SectionHead>
      </Card>
    );
  }
  if (data?.viewer?.staffNeedsSecondFactor)
    return (
      <SecondFactorRequired
        title={t("twoFactorRequired.title")}
        body={t("twoFactorRequired.body")}
        back={{ to: "/account", label: t("twoFactorRequired.back") }}
      />
    );
  return (
    <div className="stack">
      <title>{t("page.documentTitle")}</title>
      <header className="page-header">
        <h1>{t("page.title")}</h1>
        <p className="muted">{t("page.intro")}</p>
      </header>
      <ReviewQueue />
      <ApprovedVerifications />
      <UnverifiedDomains />
      <SetPlanForm />
      <AddScopeForm />
      <SignInProvidersCard />
    </div>
  );
}
