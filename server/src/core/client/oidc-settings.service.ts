import type { ServiceContext } from "../context.js";
import { ValidationError } from "../errors.js";
import { backchannelUriAllowed } from "../oidc/client-urls.js";
import { requirePermission } from "./client-access.js";
import { changeClientSetting } from "./client-setting.js";

/**
 * Marks the client's OpenID Connect apps as public (a single-page or native app that cannot keep a secret):
 * the token endpoint then takes no secret, PKCE S256 is required, and client_credentials is closed.
 */
export async function setOidcPublicClient({
  ctx,
  clientId,
  publicClient,
}: {
  ctx: ServiceContext;
  clientId: string;
  publicClient: boolean;
}) {
  await requirePermission(ctx, clientId, "client:update");
  return changeClientSetting(ctx, clientId, "client.oidc_public_changed", "oidcPublic", publicClient);
}

/**
 * Sets (or clears, with null) where OpenID Connect back-channel logout tokens go when a person signs out.
 * The URI must lie on one of the client's active domains (https; http only on a loopback host).
 */
export async function setBackchannelLogoutUri({
  ctx,
  clientId,
  uri,
}: {
  ctx: ServiceContext;
  clientId: string;
  uri: string | null;
}) {
  await requirePermission(ctx, clientId, "client:update");
  const value = uri?.trim() || null;
  if (value !== null) {
    const domains = await ctx.db.domain.findMany({ where: { clientId }, select: { rootDomain: true, active: true } });
    if (value.length > 2000 || !backchannelUriAllowed(value, domains)) {
      const message =
        "Use an https URL on one of this client's active domains (http only for localhost), without a fragment.";
      throw new ValidationError(message, [{ field: "uri", message }]);
    }
  }
  return changeClientSetting(ctx, clientId, "client.backchannel_logout_uri_changed", "backchannelLogoutUri", value);
}
