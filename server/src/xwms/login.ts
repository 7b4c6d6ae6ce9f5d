import { z } from "zod";
import { startLogin, verifyLogin } from "../core/login/login.service.js";
import { readJson } from "./body.js";
import { authenticate, type XwmsHandler } from "./deps.js";
import { success } from "./envelope.js";

export const signTokenBody = z.looseObject({
  redirect_url: z.string().min(1, "is required").max(2048),
  // SDKs send an empty string when they have no e-mail hint.
  email: z.union([z.literal(""), z.email().max(320)]).optional(),
});

export const signToken: XwmsHandler = async (request, deps) => {
  const body = await readJson(request, signTokenBody);
  const auth = await authenticate(request, deps, "login");
  const email = body.email || undefined;
  const login = await startLogin({ ...deps, auth, redirectUrl: body.redirect_url, email });
  return success({
    client_id: auth.client.id,
    token: login.token,
    ...(email ? { email } : {}),
    expires_at: login.expiresAt.toISOString(),
    url: login.url,
  });
};

export const verifyBody = z.object({ token: z.string().min(1, "is required").max(512) });

export const signTokenVerify: XwmsHandler = async (request, deps) => {
  const body = await readJson(request, verifyBody);
  const auth = await authenticate(request, deps, "login");
  return success(await verifyLogin({ db: deps.db, token: body.token, auth }));
};
