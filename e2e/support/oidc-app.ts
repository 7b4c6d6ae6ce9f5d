import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as oidc from "openid-client";

export type OidcApp = { loginUrl: string; callbackUrl: string; close: () => Promise<void> };

/**
 * A web app that signs people in with Gatehouse the way any openid-client user would: discovery, code + PKCE
 * with state and nonce, the token exchange with its client secret, then userinfo.
 */
export async function startOidcApp(issuer: string, clientId: string, clientSecret: string): Promise<OidcApp> {
  const config = await oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  const pending = new Map<string, { verifier: string; nonce: string }>();
  let callbackUrl = "";

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", callbackUrl);
    if (url.pathname === "/login") {
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      pending.set(state, { verifier, nonce });
      const to = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callbackUrl,
        scope: "openid profile email",
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      response.writeHead(302, { location: to.href }).end();
      return;
    }
    if (url.pathname !== "/callback") return render(response, 404, "Not found", "<p>Unknown page.</p>");
    const state = url.searchParams.get("state") ?? "";
    const expected = pending.get(state);
    if (!expected) return render(response, 400, "Sign-in failed", '<p id="error">Unknown state.</p>');
    pending.delete(state);
    const tokens = await oidc.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: expected.verifier,
      expectedState: state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    const user = await oidc.fetchUserInfo(config, tokens.access_token, String(claims?.sub));
    return render(
      response,
      200,
      "Signed in with OpenID Connect",
      `<p>sub <span id="sub">${escapeHtml(String(user.sub))}</span></p>
       <p>e-mail <span id="email">${escapeHtml(String(user.email ?? ""))}</span></p>
       <p>issuer <span id="iss">${escapeHtml(String(claims?.iss))}</span></p>`,
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      render(response, 500, "App error", `<p id="error">${escapeHtml(String(error))}</p>`);
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  // The demo client registers http://localhost/callback; a loopback callback matches on any port.
  callbackUrl = `http://localhost:${port}/callback`;
  return {
    loginUrl: `http://localhost:${port}/login`,
    callbackUrl,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

function render(response: ServerResponse, status: number, title: string, body: string) {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  response.end(`<!doctype html><title>${title}</title><h1>${title}</h1>${body}`);
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
