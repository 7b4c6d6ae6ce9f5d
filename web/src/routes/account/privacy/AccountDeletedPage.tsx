import { Link, useSearchParams } from "react-router";
import { AuthCard } from "../../../components/layout/AuthCard";
import { formatDate } from "../../../lib/format";

/** Where a person lands after asking to delete their account: when it happens, and how to undo it. */
export function AccountDeletedPage() {
  const [params] = useSearchParams();
  const day = params.get("on");
  const when = day && /^\d{4}-\d\d-\d\d$/.test(day) ? formatDate(`${day}T12:00:00Z`) : null;
  return (
    <AuthCard
      title="Your account will be deleted"
      description={
        when
          ? `On ${when} your account and everything it holds are deleted, and the apps you used are told.`
          : "After the grace period your account and everything it holds are deleted, and the apps you used are told."
      }
      footer={<Link to="/signin">Sign in to cancel the deletion</Link>}
    >
      <p>You are signed out everywhere. Changed your mind? Sign in before then and nothing is deleted.</p>
    </AuthCard>
  );
}
