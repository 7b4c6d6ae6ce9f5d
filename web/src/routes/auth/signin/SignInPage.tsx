import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ProviderButtons, UPSTREAM_ERRORS } from "../../../components/auth/ProviderButtons";
import { SecondFactorForm } from "../../../components/auth/SecondFactorForm";
import { SignInForm } from "../../../components/auth/SignInForm";
import { SignedOutCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";
import { upstreamSecondStep } from "./upstream-second-step";

export function SignInPage() {
  const navigate = useNavigate();
  const upstreamError = useSearchParams()[0].get("upstream_error");
  // Back from Google or Microsoft to an account that wants its second factor: that step comes first.
  const [secondStep, setSecondStep] = useState(() => upstreamSecondStep(window.location.hash));
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
      {secondStep ? (
        <SecondFactorForm
          challenge={secondStep.challenge}
          methods={secondStep.methods}
          newDevice={secondStep.newDevice}
          onSignedIn={() => navigate(secondStep.returnTo, { replace: true })}
          onRestart={() => {
            window.history.replaceState(null, "", "/signin");
            setSecondStep(null);
          }}
        />
      ) : (
        <>
          <SignInForm onSignedIn={() => navigate("/account", { replace: true })} />
          <ProviderButtons returnTo="/account" />
        </>
      )}
    </SignedOutCard>
  );
}
