import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError, focusFirstInvalid } from "../../../lib/errors";
import { type DashboardClient, ERROR_FIELDS, type MutationError, type Payload, splitMutationError } from "../shared";
import "../clients.css";

type ListedClient = DashboardClient & { domains: { id: string; rootDomain: string }[]; secretCount: number };

const ClientsPageClients = gql<
  {
    viewer: { id: string; plan: "FREE" | "PAID"; canCreateClients: boolean } | null;
    clients: { edges: { node: ListedClient }[] };
  },
  Record<string, never>
>`
  query ClientsPage_Clients {
    viewer {
      id
      plan
      canCreateClients
    }
    clients(first: 100) {
      edges {
        node {
          id
          name
          verification
          myPermissions
          myRoleLevel
          secretCount
          domains {
            id
            rootDomain
          }
        }
      }
    }
  }
`;

const ClientsPageCreateClient = gql<
  { createClient: Payload<"CreateClientSuccess", { id: string; name: string }> },
  { input: { name: string } }
>`
  mutation ClientsPage_CreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      __typename
      ... on CreateClientSuccess {
        data {
          id
          name
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

/** Owner is level 100 in the built-in roles; anything else is described by what it may do. */
function roleSummary(client: ListedClient): string {
  if (client.myRoleLevel === 100) return "Owner";
  const count = client.myPermissions.length;
  if (count === 0) return "Read only";
  return `${count} permission${count === 1 ? "" : "s"}`;
}

export function ClientsPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ClientsPageClients,
    requestPolicy: "cache-and-network",
  });
  const clients = data?.clients.edges.map((edge) => edge.node) ?? [];

  return (
    <div className="stack">
      <title>My clients · Gatehouse</title>
      <header className="page-header">
        <h1>My clients</h1>
        <p className="muted">Each client is one app that signs people in with Gatehouse.</p>
      </header>

      <Card aria-labelledby="clients-list-title">
        <h2 id="clients-list-title">Your clients</h2>
        {!data && fetching ? (
          <StatusBlock label="Loading your clients…" />
        ) : error && !data ? (
          <div className="stack-sm">
            <Alert tone="error" title="We couldn't load your clients">
              {describeError(error)}
            </Alert>
            <div>
              <Button variant="secondary" onClick={() => reexecute({ requestPolicy: "network-only" })}>
                Try again
              </Button>
            </div>
          </div>
        ) : clients.length === 0 ? (
          <EmptyState title="No clients yet">
            Create your first client below, then add a domain and a secret to connect your app.
          </EmptyState>
        ) : (
          <ul className="client-list">
            {clients.map((client) => (
              <li key={client.id} className="client-list-item">
                <div className="client-list-main">
                  <Link to={`/clients/${client.id}`} className="client-list-name">
                    {client.name}
                  </Link>
                  <span className="muted client-list-meta">
                    {client.domains.length === 0
                      ? "No domains yet"
                      : client.domains.map((domain) => domain.rootDomain).join(", ")}
                    {" · "}
                    {client.secretCount} active secret{client.secretCount === 1 ? "" : "s"}
                  </span>
                </div>
                <div className="client-list-badges">
                  <Badge tone={client.verification === "VERIFIED" ? "success" : "neutral"}>
                    {client.verification === "VERIFIED" ? "Verified" : "Unverified"}
                  </Badge>
                  <Badge tone="info">{roleSummary(client)}</Badge>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <CreateClientCard allowed={data?.viewer?.canCreateClients ?? null} />
    </div>
  );
}

function CreateClientCard({ allowed }: { allowed: boolean | null }) {
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [{ fetching }, createClient] = useMutation(ClientsPageCreateClient);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setFormError(null);
    if (!name) {
      setFieldErrors({ name: "Enter a name for the client, e.g. your app's name." });
      return focusFirstInvalid(formRef.current);
    }
    setFieldErrors({});
    const result = await createClient({ input: { name } });
    const payload = result.data?.createClient;
    if (result.error || !payload) {
      return setFormError(result.error ? describeError(result.error) : "We couldn't create the client.");
    }
    if (payload.__typename === "CreateClientSuccess") {
      return navigate(`/clients/${payload.data.id}`);
    }
    if (payload.__typename === "PlanRequiredError") return setPlanError(payload.message);
    const { fields, form } = splitMutationError(payload as MutationError);
    setFieldErrors(fields);
    setFormError(form);
    focusFirstInvalid(formRef.current);
  }

  const needsPlan = allowed === false || planError !== null;

  return (
    <Card aria-labelledby="create-client-title">
      <h2 id="create-client-title">Create a client</h2>
      <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="create-client-title">
        {needsPlan ? (
          <Alert tone="warning" title="You cannot create clients yet">
            {planError ??
              "This Gatehouse lets only paid accounts (or staff) create clients; you can still work in clients you were invited to."}
          </Alert>
        ) : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <fieldset className="form-fieldset" disabled={fetching || needsPlan}>
          <div className="inline-form">
            <Field
              label="Client name"
              name="name"
              autoComplete="off"
              maxLength={100}
              hint="Shown to people on the login and consent pages."
              error={fieldErrors.name}
              required
            />
            <Button type="submit" loading={fetching}>
              {fetching ? "Creating…" : "Create client"}
            </Button>
          </div>
        </fieldset>
      </form>
    </Card>
  );
}
