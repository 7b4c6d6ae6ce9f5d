import { Link } from "react-router";
import { CopyField } from "../../../components/ui/CopyButton";
import type { FragmentOf } from "../../../lib/graphql";
import { BackchannelLogoutForm } from "./BackchannelLogoutForm";
import type { OverviewClientFields } from "./ConnectPanel";
import { PairwiseSwitch } from "./PairwiseSwitch";
import { PublicClientSwitch } from "./PublicClientSwitch";

type OverviewClient = FragmentOf<typeof OverviewClientFields>;

/** The values an OpenID Connect library needs: the issuer (this origin), discovery, and the redirect URIs it accepts. */
export function OidcPanel({ client }: { client: OverviewClient }) {
  const issuer = window.location.origin;
  const discovery = `${issuer}/.well-known/openid-configuration`;
  // The server accepts exactly the active callbacks of active, login-allowed domains (loopback on any port).
  const redirectUris = client.domains
    .filter((domain) => domain.active && domain.allowLogin)
    .flatMap((domain) => domain.urls.filter((url) => url.kind === "CALLBACK" && url.active));

  return (
    <section className="stack" aria-labelledby="oidc-title">
      <h3 id="oidc-title">OpenID Connect</h3>
      <p className="muted">
        Any OpenID Connect library (openid-client, Auth.js, Spring Security, AppAuth) signs people in with the client
        ID, a secret linked to the redirect's domain (none for a public client), and these values. PAR, DPoP and JWT
        access tokens for your API (<code>resource</code> on one of your API domains) work too.
      </p>
      <dl className="details">
        <dt>Issuer</dt>
        <dd>
          <CopyField value={issuer} label="Copy issuer" />
        </dd>
        <dt>Discovery URL</dt>
        <dd>
          <CopyField value={discovery} label="Copy discovery URL" />
        </dd>
        <dt>Allowed redirect URIs</dt>
        <dd>
          {redirectUris.length === 0 ? (
            <span className="muted">
              None yet: add a callback URL to an active domain with login on, on the{" "}
              <Link to={`/clients/${client.id}/domains`}>domains page</Link>.
            </span>
          ) : (
            <ul className="connect-callbacks" data-testid="oidc-redirect-uris">
              {redirectUris.map((url) => (
                <li key={url.id}>
                  <code>{url.url}</code>
                </li>
              ))}
            </ul>
          )}
          <p className="fine-print">
            A redirect URI must match exactly; on <code>localhost</code>, <code>127.0.0.1</code> and <code>[::1]</code>{" "}
            any port matches.
          </p>
        </dd>
        <dt>App type</dt>
        <dd>
          <PublicClientSwitch clientId={client.id} publicClient={client.oidcPublic} />
        </dd>
        <dt>Subject (sub)</dt>
        <dd>
          <PairwiseSwitch clientId={client.id} pairwise={client.pairwiseSubjects} />
        </dd>
        <dt>Sign-out</dt>
        <dd>
          <BackchannelLogoutForm clientId={client.id} uri={client.backchannelLogoutUri} />
        </dd>
      </dl>
    </section>
  );
}
