import { Link, useNavigate, useSearchParams } from "react-router";
import { ProviderButtons, UPSTREAM_ERRORS } from "../../../components/auth/ProviderButtons";
import { SignInForm } from "../../../components/auth/SignInForm";
import { SignedOutCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";

export function SignInPage() {
  const navigate = useNavigate();
  const upstreamError = useSearchParams()[0].get("upstream_error");
  return (
    <SignedOutCard
      title="Sign in"
      description="Use your Gatehouse account."
      footer={
        <>
          <Link to="/forgot-password">Forgot your password?</Link> · New to Gatehouse?{" "}
          <Link to="/register">Create an account</Link>
        </>
      }
    >
      {upstreamError ? <Alert tone="error">{UPSTREAM_ERRORS[upstreamError] ?? UPSTREAM_ERRORS.DENIED}</Alert> : null}
      <SignInForm onSignedIn={() => navigate("/account", { replace: true })} />
      <ProviderButtons returnTo="/account" />
    </SignedOutCard>
  );
}
