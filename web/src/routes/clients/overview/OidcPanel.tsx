import { Trans, useTranslation } from "react-i18next";
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
  const { t } = useTranslation("clients");
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
        <Trans t={t} i18nKey="oidc.intro" components={{ code: <code /> }} />
      </p>
      <dl className="details">
        <dt>{t("oidc.issuer")}</dt>
        <dd>
          <CopyField value={issuer} label={t("oidc.copyIssuer")} />
        </dd>
        <dt>{t("oidc.discovery")}</dt>
        <dd>
          <CopyField value={discovery} label={t("oidc.copyDiscovery")} />
        </dd>
        <dt>{t("oidc.redirectUris")}</dt>
        <dd>
          {redirectUris.length === 0 ? (
            <span className="muted">
              <Trans
                t={t}
                i18nKey="oidc.noRedirectUris"
                components={{ link: <Link to={`/clients/${client.id}/domains`} /> }}
              />
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
            <Trans t={t} i18nKey="oidc.exactMatch" components={{ code: <code /> }} />
          </p>
        </dd>
        <dt>{t("oidc.appType")}</dt>
        <dd>
          <PublicClientSwitch clientId={client.id} publicClient={client.oidcPublic} />
        </dd>
        <dt>{t("oidc.subject")}</dt>
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
