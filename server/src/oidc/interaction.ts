import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";
import type Provider from "oidc-provider";
import type { Config } from "../config.js";
import { CoreError, LoginTokenError } from "../core/errors.js";
import { coveredScopes } from "../core/oidc/claims.js";
import { finishOidcLogin, startOidcLogin } from "../core/oidc/oidc-login.js";
import type { Db } from "../db/client.js";

const returnUrlOf = (config: Config, uid: string) =>
  `${config.publicUrl}/oauth/interaction/${encodeURIComponent(uid)}/done`;

const problem = (c: Context, message: string, status: 400 | 404 = 400) =>
  c.text(`${message} Go back to the app and start signing in again.`, status);

async function details(c: Context, provider: Provider) {
  const { incoming, outgoing } = c.env as HttpBindings;
  try {
    const found = await provider.interactionDetails(incoming, outgoing);
    return found.uid === c.req.param("uid") ? found : undefined;
  } catch {
    return undefined;
  }
}

/** oidc-provider needs a login or consent: the person goes through Gatehouse's hosted sign-in and consent. */
export async function startInteraction(c: Context, provider: Provider, db: Db, config: Config) {
  const interaction = await details(c, provider);
  if (!interaction) return problem(c, "This sign-in has expired or belongs to another browser.", 404);
  const { params, uid } = interaction;
  try {
    const url = await startOidcLogin({
      db,
      config,
      clientId: String(params.client_id),
      redirectUri: String(params.redirect_uri),
      returnUrl: returnUrlOf(config, uid),
    });
    return c.redirect(url, 303);
  } catch (error) {
    if (error instanceof CoreError) return problem(c, error.message);
    throw error;
  }
}

/** The hosted pages are done: the person signed in and consented (or was found to have consented already). */
export async function finishInteraction(c: Context, provider: Provider, db: Db, config: Config) {
  const interaction = await details(c, provider);
  if (!interaction) return problem(c, "This sign-in has expired or belongs to another browser.", 404);
  const { params, uid } = interaction;
  const clientId = String(params.client_id);
  const { incoming, outgoing } = c.env as HttpBindings;
  let login: { sub: string; scopes: Set<string> };
  try {
    login = await finishOidcLogin({
      db,
      token: c.req.query("token") ?? "",
      clientId,
      redirectUri: String(params.redirect_uri),
      returnUrl: returnUrlOf(config, uid),
    });
  } catch (error) {
    if (error instanceof LoginTokenError && error.reason === "DECLINED") {
      await provider.interactionFinished(incoming, outgoing, { error: "access_denied" });
      return RESPONSE_ALREADY_SENT;
    }
    if (error instanceof CoreError) return problem(c, error.message);
    throw error;
  }

  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant =
    existing && existing.accountId === login.sub ? existing : new provider.Grant({ accountId: login.sub, clientId });
  const requested = String(params.scope ?? "openid").split(" ");
  const covered = coveredScopes(requested, login.scopes);
  grant.addOIDCScope(covered.join(" "));
  const refused = requested.filter((scope) => !covered.includes(scope));
  if (refused.length) grant.rejectOIDCScope(refused.join(" "));
  const grantId = await grant.save();
  await provider.interactionFinished(
    incoming,
    outgoing,
    { login: { accountId: login.sub }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
  return RESPONSE_ALREADY_SENT;
}
