import { z } from "zod";
import { setScopeClaims } from "../core/scope/scope-claims.service.js";
import { readJson } from "./body.js";
import { authenticate, type XwmsHandler } from "./deps.js";
import { success } from "./envelope.js";
import { redirectUrlField, subField } from "./user.js";

export const userClaimsBody = z.strictObject({
  sub: subField,
  scope: z.string().min(1).max(200).meta({ description: "One of the client's private scope keys, <clientId>:<name>." }),
  claims: z
    .record(z.string().max(40), z.string().max(1000).nullable())
    .meta({ description: "Claim name to value; null clears the claim." }),
  redirect_url: redirectUrlField,
});

/**
 * POST /api/user/claims: the client sets custom claims of one of its private scopes for a person who
 * consented to that scope. Anyone else, and another client's scope, get the same "not found".
 */
export const userClaims: XwmsHandler = async (request, deps) => {
  const body = await readJson(request, userClaimsBody);
  const auth = await authenticate(request, deps, "api");
  const ctx = {
    db: deps.db,
    actor: auth,
    viewer: null,
    ip: request.ip,
    userAgent: request.header("user-agent"),
  };
  const claims = await setScopeClaims({
    ctx,
    clientId: auth.client.id,
    scopeKey: body.scope,
    sub: body.sub,
    values: body.claims,
  });
  return success({ sub: body.sub, scope: body.scope, claims }, "Claims saved.");
};
