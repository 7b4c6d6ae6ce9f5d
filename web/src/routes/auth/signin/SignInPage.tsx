import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ProviderButtons, upstreamErrorMessage } from "../../../components/auth/ProviderButtons";
import { SecondFactorForm } from "../../../components/auth/SecondFactorForm";
import { SignInForm } from "../../../components/auth/SignInForm";
import { SignedOutCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";
import { upstreamSecondStep } from "./upstream-second-step";

export function SignInPage() {
  const navigate = useNavigate();
  const { t } = useTranslation("auth");
  const upstreamError = useSearchParams()[0].get("upstream_error");
  // Back from Google or Microsoft to an account that wants its second factor: that step comes first.
  const [secondStep, setSecondStep] = useState(() => upstreamSecondStep(window.location.hash));
  return (
    <SignedOutCard
      title={t("signIn.title")}
      description={t("signIn.description")}
      footer={
        <>
          <Link to="/forgot-password">{t("signIn.forgot")}</Link> · {t("signIn.newHere")}{" "}
          <Link to="/register">{t("signIn.createAccount")}</Link>
        </>
      }
    >
      {upstreamError ? <Alert tone="error">{upstreamErrorMessage(upstreamError)}</Alert> : null}
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
