import { Link, Navigate, useNavigate } from "react-router";
import { useQuery } from "urql";
import { RegisterForm } from "../../../components/auth/RegisterForm";
import { AuthShell } from "../../../components/layout/AuthShell";
import { Card, CardFooter, CardHeader } from "../../../components/ui/Card";
import { StatusBlock } from "../../../components/ui/Spinner";
import { graphql } from "../../../lib/graphql";

const RegisterPage_Viewer = graphql(`
  query RegisterPage_Viewer {
    viewer {
      id
    }
  }
`);

export function RegisterPage() {
  const navigate = useNavigate();
  const [{ data, fetching }] = useQuery({ query: RegisterPage_Viewer, requestPolicy: "network-only" });

  if (data?.viewer) return <Navigate to="/account" replace />;

  return (
    <AuthShell>
      <title>Create your account · Gatehouse</title>
      <Card aria-labelledby="register-title">
        <CardHeader
          id="register-title"
          title="Create your account"
          description="One Gatehouse account signs you in to every app that uses it."
        />
        {fetching && !data ? (
          <StatusBlock label="Loading…" />
        ) : (
          <RegisterForm onRegistered={() => navigate("/account", { replace: true })} />
        )}
        <CardFooter>
          Already have an account? <Link to="/signin">Sign in</Link>
        </CardFooter>
      </Card>
    </AuthShell>
  );
}
