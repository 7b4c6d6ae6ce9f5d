import { useTranslation } from "react-i18next";
import { i18n } from "../../i18n/i18n";
import "./provider-buttons.css";
import { useQuery } from "urql";
import { graphql } from "../../lib/graphql";
import { ProviderIcon } from "./ProviderIcon";

const ProviderButtons_Providers = graphql(`
  query ProviderButtons_Providers {
    signInProviders {
      slug
      displayName
      kind
      iconUrl
    }
  }
`);

/**
 * One button per upstream provider (Google, Microsoft, …). Each is a plain link to the server's
 * start URL, carrying `returnTo` so the hosted login (or the account page) resumes afterwards.
 */
export function ProviderButtons({ returnTo }: { returnTo: string }) {
  const [{ data }] = useQuery({ query: ProviderButtons_Providers });
  const { t } = useTranslation("auth");
  const providers = data?.signInProviders ?? [];
  if (providers.length === 0) return null;
  return (
    <nav className="provider-buttons" aria-label={t("providers.nav")}>
      <p className="provider-divider">
        <span>{t("providers.or")}</span>
      </p>
      {providers.map((provider) => (
        <a
          key={provider.slug}
          className="btn btn-secondary btn-block provider-button"
          href={`/upstream/${encodeURIComponent(provider.slug)}/start?return=${encodeURIComponent(returnTo)}`}
        >
          <ProviderIcon kind={provider.kind} iconUrl={provider.iconUrl} />
          {t("providers.continueWith", { provider: provider.displayName })}
        </a>
      ))}
    </nav>
  );
}

const UPSTREAM_ERRORS = {
  UNKNOWN_PROVIDER: () => i18n.t("auth:upstream.UNKNOWN_PROVIDER"),
  STATE_MISMATCH: () => i18n.t("auth:upstream.STATE_MISMATCH"),
  EXPIRED: () => i18n.t("auth:upstream.EXPIRED"),
  DENIED: () => i18n.t("auth:upstream.DENIED"),
  PROVIDER_ERROR: () => i18n.t("auth:upstream.PROVIDER_ERROR"),
  EMAIL_UNVERIFIED: () => i18n.t("auth:upstream.EMAIL_UNVERIFIED"),
  ACCOUNT_UNAVAILABLE: () => i18n.t("auth:upstream.ACCOUNT_UNAVAILABLE"),
} satisfies Record<string, () => string>;

/** The sign-in page's words for each reason the server sent the browser back (?upstream_error=…). */
export function upstreamErrorMessage(code: string): string {
  const message = UPSTREAM_ERRORS[code as keyof typeof UPSTREAM_ERRORS] ?? UPSTREAM_ERRORS.DENIED;
  return message();
}
