import { Trans, useTranslation } from "react-i18next";
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
  const { t } = useTranslation("clients");
  // The trailing slash matters: SDKs resolve "sign-token" against this base with new URL().
  const apiBase = `${window.location.origin}/api/`;
  const domain = client.domains.find((d) => d.primary) ?? client.domains[0];
  const callbacks = client.domains.flatMap((d) => d.urls.filter((url) => url.kind === "CALLBACK"));
  // The names the XWMS SDKs and the Laravel package read, so the snippet pastes as is.
  const env = [
    `XWMS_CLIENT_ID=${client.id}`,
    `XWMS_CLIENT_SECRET=<${t("connect.placeholderSecret")}>`,
    `XWMS_DOMAIN=${domain ? domain.rootDomain : `<${t("connect.placeholderDomain")}>`}`,
    `XWMS_API_URI=${apiBase}`,
    `XWMS_REDIRECT_URI=${callbacks[0]?.url ?? `<${t("connect.placeholderCallback")}>`}`,
  ].join("\n");

  return (
    <div className="stack">
      <dl className="details">
        <dt>{t("connect.clientId")}</dt>
        <dd>
          <CopyField value={client.id} label={t("connect.copyClientId")} />
        </dd>
        <dt>{t("connect.apiBase")}</dt>
        <dd>
          <CopyField value={apiBase} label={t("connect.copyApiBase")} />
        </dd>
        <dt>{t("connect.domains")}</dt>
        <dd>
          {client.domains.length === 0 ? (
            <span className="muted">
              <Trans
                t={t}
                i18nKey="connect.noDomains"
                components={{ link: <Link to={`/clients/${client.id}/domains`} /> }}
              />
            </span>
          ) : (
            <ul className="stack-sm connect-domains">
              {client.domains.map((d) => (
                <li key={d.id} className="stack-sm">
                  <span className="kv-inline">
                    <Link to={`/clients/${client.id}/domains/${d.id}`}>
                      <strong>{d.rootDomain}</strong>
                    </Link>
                    {d.primary ? <Badge tone="info">{t("connect.primary")}</Badge> : null}
                    {!d.active ? <Badge tone="neutral">{t("connect.inactive")}</Badge> : null}
                    {d.allowLogin ? (
                      <Badge tone="success">{t("connect.loginOn")}</Badge>
                    ) : (
                      <Badge tone="warning">{t("connect.loginOff")}</Badge>
                    )}
                  </span>
                  <span className="kv-inline">
                    <span className="muted">{t("connect.domainId")}</span>
                    <CopyField value={d.publicId} label={t("connect.copyDomainId", { domain: d.rootDomain })} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("connect.secret")}</dt>
        <dd>
          {client.secretCount > 0 ? t("connect.secretsActive", { count: client.secretCount }) : t("connect.noSecrets")}{" "}
          <Link to={`/clients/${client.id}/secrets`}>{t("connect.manageSecrets")}</Link>
        </dd>
        <dt>{t("connect.redirects")}</dt>
        <dd>
          <p>
            <Trans
              t={t}
              i18nKey="connect.redirectsBody"
              values={{ example: `https://app.${domain?.rootDomain ?? "example.com"}/callback` }}
              components={{ code: <code /> }}
            />
          </p>
          {callbacks.length > 0 ? (
            <ul className="connect-callbacks">
              {callbacks.map((url) => (
                <li key={url.id}>
                  <code>{url.url}</code> {url.active ? null : <Badge tone="neutral">{t("connect.inactive")}</Badge>}
                </li>
              ))}
            </ul>
          ) : null}
        </dd>
      </dl>
      <div>
        <div className="snippet-head">
          <h3 id="env-title">.env</h3>
          <CopyButton value={env} label={t("connect.copyEnv")} />
        </div>
        <pre className="env-snippet" data-testid="env-snippet">
          {env}
        </pre>
        <p className="fine-print">{t("connect.envHint", { placeholder: `<${t("connect.placeholderSecret")}>` })}</p>
      </div>
      <OidcPanel client={client} />
    </div>
  );
}
