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
  const providers = data?.signInProviders ?? [];
  if (providers.length === 0) return null;
  return (
    <nav className="provider-buttons" aria-label="Sign in with another account">
      <p className="provider-divider">
        <span>or</span>
      </p>
      {providers.map((provider) => (
        <a
          key={provider.slug}
          className="btn btn-secondary btn-block provider-button"
          href={`/upstream/${encodeURIComponent(provider.slug)}/start?return=${encodeURIComponent(returnTo)}`}
        >
          <ProviderIcon kind={provider.kind} iconUrl={provider.iconUrl} />
          Continue with {provider.displayName}
        </a>
      ))}
    </nav>
  );
}

/** The sign-in page's words for each reason the server sent the browser back (?upstream_error=…). */
export const UPSTREAM_ERRORS: Record<string, string> = {
  UNKNOWN_PROVIDER: "This sign-in provider is not available.",
  STATE_MISMATCH: "That sign-in did not start in this browser. Start it again below.",
  EXPIRED: "That sign-in took too long or was already finished. Start it again below.",
  DENIED: "The provider did not sign you in. Try again, or sign in with your password.",
  PROVIDER_ERROR: "The provider's answer could not be verified. Try again, or sign in with your password.",
  EMAIL_UNVERIFIED: "The provider did not confirm your e-mail address, so it cannot sign you in here.",
  ACCOUNT_UNAVAILABLE: "This account cannot sign in. Contact the people who run this Gatehouse.",
};
