import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context, Hono } from "hono";
import type Provider from "oidc-provider";
import type { Config } from "../config.js";
import { encryptionKey } from "../core/auth/sealed-box.js";
import { serverSecret } from "../core/auth/server-secret.js";
import { currentSigningKeys } from "../core/oidc/signing-keys.js";
import type { Db } from "../db/client.js";
import { finishInteraction, startInteraction } from "./interaction.js";
import { createProvider } from "./provider.js";

export type OidcDoor = { provider: () => Promise<Provider> };

const doors = new WeakMap<Hono, OidcDoor>();

/** The door mounted on `app`, for the fast path's tests to watch its provider's events. */
export const oidcDoorOf = (app: Hono): OidcDoor | undefined => doors.get(app);

/**
 * The provider for the current signing keys. It is built on first use (the issuer is PUBLIC_URL, final only
 * once the server listens) and rebuilt when another instance or the operator rotated the keys.
 */
function providerSource(db: Db, config: Config) {
  let current: { provider: Provider; version: string; checkedAt: number } | undefined;
  let pending: Promise<Provider> | undefined;
  const refresh = async () => {
    const secret = await encryptionKey(db, config);
    const keys = await currentSigningKeys(db, secret, {
      publishLeadSeconds: config.oidcKeyPublishLeadSeconds,
      rotateAfterDays: config.oidcKeyRotationDays,
    });
    if (!current || current.version !== keys.version) {
      const cookieSecret = await serverSecret(db, "oidc-cookie-key");
      current = { provider: createProvider(db, config, keys, cookieSecret), version: keys.version, checkedAt: 0 };
    }
    current.checkedAt = Date.now();
    return current.provider;
  };
  return async (): Promise<Provider> => {
    if (current && Date.now() - current.checkedAt < config.oidcKeysRefreshSeconds * 1000) return current.provider;
    pending ??= refresh().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

/** Each provider's Node request listener, composed once rather than on every request. */
const listeners = new WeakMap<Provider, ReturnType<Provider["callback"]>>();

/** Hands the raw Node request to oidc-provider, which answers it itself. */
async function handOver(c: Context, provider: Provider) {
  const { incoming, outgoing } = c.env as HttpBindings;
  let listener = listeners.get(provider);
  if (!listener) {
    listener = provider.callback();
    listeners.set(provider, listener);
  }
  // Hono's headers never reach an answer oidc-provider writes itself, so the request id goes on the Node response.
  outgoing.setHeader("X-Request-Id", c.get("requestId"));
  await listener(incoming, outgoing);
  return RESPONSE_ALREADY_SENT;
}

/** Mounts discovery, the /oauth/* endpoints and the interaction hand-off to the hosted pages. */
export function mountOidc(app: Hono, db: Db, config: Config): OidcDoor {
  const provider = providerSource(db, config);
  app.get("/oauth/interaction/:uid", async (c) => startInteraction(c, await provider(), db, config));
  app.get("/oauth/interaction/:uid/done", async (c) => finishInteraction(c, await provider(), db, config));
  app.all("/.well-known/openid-configuration", async (c) => handOver(c, await provider()));
  app.all("/oauth/*", async (c) => handOver(c, await provider()));
  const door = { provider };
  doors.set(app, door);
  return door;
}
