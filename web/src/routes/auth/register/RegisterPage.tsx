import { Link, useNavigate } from "react-router";
import { RegisterForm } from "../../../components/auth/RegisterForm";
import { SignedOutCard } from "../../../components/layout/AuthCard";

export function RegisterPage() {
  const navigate = useNavigate();
  return (
    <SignedOutCard
      title="Create your account"
      description="One Gatehouse account signs you in to every app that uses it."
      footer={
        <>
          Already have an account? <Link to="/signin">Sign in</Link>
        </>
      }
    >
      <RegisterForm onRegistered={() => navigate("/account", { replace: true })} />
    </SignedOutCard>
  );
}
