import { useQuery } from "urql";
import { SectionHead } from "../../components/team/team-kit";
import { Card } from "../../components/ui/Card";
import { LoadFailed } from "../../components/ui/LoadFailed";
import { StatusBlock } from "../../components/ui/Spinner";
import { graphql } from "../../lib/graphql";
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
    }
  }
`);

/** /staff: the verification review queue and plan changes; a clear refusal for everyone else. */
export function StaffPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StaffPage_Viewer });
  const role = data?.viewer?.platformRole;

  if (error && !data) {
    return (
      <Card>
        <LoadFailed
          className="stack"
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
      <ApprovedVerifications />
      <UnverifiedDomains />
      <SetPlanForm />
      <SignInProvidersCard />
    </div>
  );
}
