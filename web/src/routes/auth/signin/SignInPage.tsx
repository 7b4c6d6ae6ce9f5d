import { Link, useNavigate } from "react-router";
import { SignInForm } from "../../../components/auth/SignInForm";
import { SignedOutCard } from "../../../components/layout/AuthCard";

export function SignInPage() {
  const navigate = useNavigate();
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
      <SignInForm onSignedIn={() => navigate("/account", { replace: true })} />
    </SignedOutCard>
  );
}
