import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { CopyButton, CopyField } from "../../../components/ui/CopyButton";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError, focusFirstInvalid } from "../../../lib/errors";
import {
  can,
  type DashboardClient,
  ERROR_FIELDS,
  type MutationError,
  missingPermissionReason,
  type Payload,
  splitMutationError,
  useClientDashboard,
} from "../shared";

type OverviewDomain = {
  id: string;
  rootDomain: string;
  publicId: string;
  primary: boolean;
  active: boolean;
  allowLogin: boolean;
  urls: { id: string; kind: "CALLBACK" | "WEBHOOK"; url: string; active: boolean }[];
};

type OverviewClient = {
  id: string;
  name: string;
  createdAt: string;
  secretCount: number;
  domains: OverviewDomain[];
};

const OverviewPageClient = gql<{ client: OverviewClient | null }, { id: string }>`
  query OverviewPage_Client($id: ID!) {
    client(id: $id) {
      id
      name
      createdAt
      secretCount
      domains {
        id
        rootDomain
        publicId
        primary
        active
        allowLogin
        urls {
          id
          kind
          url
          active
        }
      }
    }
  }
`;

const OverviewPageRenameClient = gql<
  { renameClient: Payload<"RenameClientSuccess", { id: string; name: string }> },
  { input: { clientId: string; name: string } }
>`
  mutation OverviewPage_RenameClient($input: RenameClientInput!) {
    renameClient(input: $input) {
      __typename
      ... on RenameClientSuccess {
        data {
          id
          name
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const OverviewPageDeleteClient = gql<
  { deleteClient: Payload<"DeleteClientSuccess", { id: string; name: string }> },
  { input: { clientId: string; confirmName: string } }
>`
  mutation OverviewPage_DeleteClient($input: DeleteClientInput!) {
    deleteClient(input: $input) {
      __typename
      ... on DeleteClientSuccess {
        data {
          id
          name
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

export function OverviewPage() {
  const { client } = useClientDashboard();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OverviewPageClient,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });

  return (
    <div className="stack">
      <Card aria-labelledby="connect-title">
        <h2 id="connect-title">Connect your app</h2>
        <p className="muted">The values your app needs to sign people in with Gatehouse.</p>
        {!data && fetching ? (
          <StatusBlock label="Loading connection details…" />
        ) : error && !data ? (
          <div className="stack-sm">
            <Alert tone="error" title="We couldn't load the connection details">
              {describeError(error)}
            </Alert>
            <div>
              <Button variant="secondary" onClick={() => reexecute({ requestPolicy: "network-only" })}>
                Try again
              </Button>
            </div>
          </div>
        ) : data?.client ? (
          <ConnectPanel client={data.client} />
        ) : null}
      </Card>
      <RenameCard client={client} />
      <DeleteCard client={client} />
    </div>
  );
}

function ConnectPanel({ client }: { client: OverviewClient }) {
  const apiBase = `${window.location.origin}/api`;
  const domain = client.domains.find((d) => d.primary) ?? client.domains[0];
  const callbacks = client.domains.flatMap((d) => d.urls.filter((url) => url.kind === "CALLBACK"));
  const env = [
    `GATEHOUSE_API_URL=${apiBase}`,
    `GATEHOUSE_CLIENT_ID=${client.id}`,
    "GATEHOUSE_CLIENT_SECRET=<your secret>",
    `GATEHOUSE_CLIENT_DOMAIN=${domain ? domain.rootDomain : "<your domain>"}`,
  ].join("\n");

  return (
    <div className="stack">
      <dl className="details">
        <dt>Client ID</dt>
        <dd>
          <CopyField value={client.id} label="Copy client ID" />
        </dd>
        <dt>API base URL</dt>
        <dd>
          <CopyField value={apiBase} label="Copy API base URL" />
        </dd>
        <dt>Domains</dt>
        <dd>
          {client.domains.length === 0 ? (
            <span className="muted">
              No domains yet. <Link to={`/clients/${client.id}/domains`}>Add a domain</Link> your app runs on.
            </span>
          ) : (
            <ul className="stack-sm connect-domains">
              {client.domains.map((d) => (
                <li key={d.id} className="stack-sm">
                  <span className="kv-inline">
                    <Link to={`/clients/${client.id}/domains/${d.id}`}>
                      <strong>{d.rootDomain}</strong>
                    </Link>
                    {d.primary ? <Badge tone="info">Primary</Badge> : null}
                    {!d.active ? <Badge tone="neutral">Inactive</Badge> : null}
                    {d.allowLogin ? <Badge tone="success">Login on</Badge> : <Badge tone="warning">Login off</Badge>}
                  </span>
                  <span className="kv-inline">
                    <span className="muted">Domain ID</span>
                    <CopyField value={d.publicId} label={`Copy domain ID of ${d.rootDomain}`} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Client secret</dt>
        <dd>
          {client.secretCount > 0
            ? `${client.secretCount} active. A secret's value is shown only when it is created.`
            : "None active."}{" "}
          <Link to={`/clients/${client.id}/secrets`}>Manage secrets</Link>
        </dd>
        <dt>Redirect URLs</dt>
        <dd>
          <p>
            After login, Gatehouse sends people back only to a URL on one of the domains above or a subdomain of it
            (e.g. <code>https://app.{domain?.rootDomain ?? "example.com"}/callback</code>), or to a callback URL
            registered on the domain.
          </p>
          {callbacks.length > 0 ? (
            <ul className="connect-callbacks">
              {callbacks.map((url) => (
                <li key={url.id}>
                  <code>{url.url}</code> {url.active ? null : <Badge tone="neutral">Inactive</Badge>}
                </li>
              ))}
            </ul>
          ) : null}
        </dd>
      </dl>
      <div>
        <div className="snippet-head">
          <h3 id="env-title">.env</h3>
          <CopyButton value={env} label="Copy .env snippet" />
        </div>
        <pre className="env-snippet" data-testid="env-snippet">
          {env}
        </pre>
        <p className="fine-print">Replace &lt;your secret&gt; with a secret's value. Never commit it.</p>
      </div>
    </div>
  );
}

function RenameCard({ client }: { client: DashboardClient }) {
  const { refreshClient } = useClientDashboard();
  const formRef = useRef<HTMLFormElement>(null);
  const [{ fetching }, rename] = useMutation(OverviewPageRenameClient);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const allowed = can(client, "CLIENT_UPDATE");

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setSaved(false);
    setFormError(null);
    if (!name) {
      setFieldErrors({ name: "Enter a name." });
      return focusFirstInvalid(formRef.current);
    }
    setFieldErrors({});
    const result = await rename({ input: { clientId: client.id, name } });
    const payload = result.data?.renameClient;
    if (result.error || !payload) {
      return setFormError(result.error ? describeError(result.error) : "We couldn't rename the client.");
    }
    if (payload.__typename === "RenameClientSuccess") {
      setSaved(true);
      return refreshClient();
    }
    const { fields, form } = splitMutationError(payload as MutationError);
    setFieldErrors(fields);
    setFormError(form);
    focusFirstInvalid(formRef.current);
  }

  return (
    <Card aria-labelledby="rename-title">
      <h2 id="rename-title">Client name</h2>
      <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="rename-title">
        {!allowed ? <p className="reason">{missingPermissionReason("CLIENT_UPDATE")}</p> : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {saved ? <Alert tone="success">Saved.</Alert> : null}
        <fieldset className="form-fieldset" disabled={fetching || !allowed}>
          <div className="inline-form">
            <Field
              label="Name"
              name="name"
              defaultValue={client.name}
              key={client.name}
              maxLength={100}
              error={fieldErrors.name}
              required
            />
            <Button type="submit" variant="secondary" loading={fetching}>
              Rename
            </Button>
          </div>
        </fieldset>
      </form>
    </Card>
  );
}

function DeleteCard({ client }: { client: DashboardClient }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, deleteClient] = useMutation(OverviewPageDeleteClient);
  const isOwner = client.myRoleLevel === 100;

  async function handleConfirm() {
    setError(null);
    const result = await deleteClient({ input: { clientId: client.id, confirmName: typed } });
    const payload = result.data?.deleteClient;
    if (result.error || !payload) {
      return setError(result.error ? describeError(result.error) : "We couldn't delete the client.");
    }
    if (payload.__typename === "DeleteClientSuccess") return navigate("/clients", { replace: true });
    const { fields, form } = splitMutationError(payload as MutationError);
    setError(fields.confirmName ?? fields.clientId ?? form);
  }

  return (
    <Card aria-labelledby="delete-title" className="danger-zone">
      <div className="section-head">
        <div>
          <h2 id="delete-title">Delete client</h2>
          <p className="muted">
            Deletes the client with its domains, secrets, members and roles. Apps using it stop working at once.
          </p>
          {!isOwner ? <p className="reason">Only an Owner of this client can delete it.</p> : null}
        </div>
        <Button variant="danger" disabled={!isOwner} onClick={() => setOpen(true)}>
          Delete client
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={`Delete ${client.name}?`}
        confirmLabel="Delete client"
        loading={fetching}
        confirmDisabled={typed !== client.name}
        error={error}
        onConfirm={handleConfirm}
        onCancel={() => {
          setOpen(false);
          setTyped("");
          setError(null);
        }}
      >
        <p>This cannot be undone. Type the client's name to confirm.</p>
        <Field
          label={`Type "${client.name}"`}
          name="confirmName"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </ConfirmDialog>
    </Card>
  );
}
