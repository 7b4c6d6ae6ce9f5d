import { Link } from "react-router";
import { Badge } from "../../../components/ui/Badge";
import { CopyButton, CopyField } from "../../../components/ui/CopyButton";
import { type FragmentOf, graphql } from "../../../lib/graphql";
import { OidcPanel } from "./OidcPanel";

export const OverviewClientFields = graphql(`
  fragment OverviewClientFields on Client {
    id
    name
    createdAt
    secretCount
    pairwiseSubjects
    oidcPublic
    backchannelLogoutUri
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
`);

type OverviewClient = FragmentOf<typeof OverviewClientFields>;

export function ConnectPanel({ client }: { client: OverviewClient }) {
  // The trailing slash matters: SDKs resolve "sign-token" against this base with new URL().
  const apiBase = `${window.location.origin}/api/`;
  const domain = client.domains.find((d) => d.primary) ?? client.domains[0];
  const callbacks = client.domains.flatMap((d) => d.urls.filter((url) => url.kind === "CALLBACK"));
  // The names the XWMS SDKs and the Laravel package read, so the snippet pastes as is.
  const env = [
    `XWMS_CLIENT_ID=${client.id}`,
    "XWMS_CLIENT_SECRET=<your secret>",
    `XWMS_DOMAIN=${domain ? domain.rootDomain : "<your domain>"}`,
    `XWMS_API_URI=${apiBase}`,
    `XWMS_REDIRECT_URI=${callbacks[0]?.url ?? "<your callback URL>"}`,
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
      <OidcPanel client={client} />
    </div>
  );
}
