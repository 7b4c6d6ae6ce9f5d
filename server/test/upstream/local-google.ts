import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const GOOGLE_CLIENT_ID = "gatehouse-test-client";
export const GOOGLE_CLIENT_SECRET = "local-google-client-secret-0123456789";

/**
 * A local "Google": panva's oidc-provider on a loopback port, with its development login and consent
 * pages. The login name becomes the account: its e-mail is the name itself, verified unless the name
 * starts with "unverified".
 */
export type LocalGoogle = { issuer: string; close: () => Promise<void>; register: (...redirectUris: string[]) => void };

/**
 * With `microsoft`, it stands in for Microsoft instead: ID tokens carry no email_verified; a login name
 * starting "edov" gets xms_edov: true, one starting "primary" lists the e-mail in verified_primary_email,
 * and any other only a bare email.
 */
export async function startLocalGoogle(options: { microsoft?: boolean } = {}): Promise<LocalGoogle> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let handler: ReturnType<Provider["callback"]> | null = null;
  server.on("request", (req, res) => {
    if (handler) return handler(req, res);
    res.statusCode = 503;
    res.end();
  });
  return {
    issuer,
    // Gatehouse's port is known only once it runs, so the client is registered afterwards.
    register(...redirectUris: string[]) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: GOOGLE_CLIENT_ID,
            client_secret: GOOGLE_CLIENT_SECRET,
            redirect_uris: redirectUris,
            response_types: ["code"],
            grant_types: ["authorization_code"],
            token_endpoint_auth_method: "client_secret_post",
          },
        ],
        pkce: { required: () => true },
        // As Google does: the e-mail claims travel in the ID token itself.
        conformIdTokenClaims: false,
        claims: {
          openid: ["sub"],
          email: ["email", "email_verified", "xms_edov", "verified_primary_email"],
          profile: ["name", "given_name", "family_name"],
        },
        cookies: { keys: ["local-google-cookie-key"] },
        findAccount: (_ctx: unknown, id: string) => ({
          accountId: id,
          claims: () => ({
            sub: `google-${id}`,
            email: id,
            ...(options.microsoft
              ? {
                  ...(id.startsWith("edov") ? { xms_edov: true } : {}),
                  ...(id.startsWith("primary") ? { verified_primary_email: [id.toUpperCase()] } : {}),
                }
              : { email_verified: !id.startsWith("unverified") }),
            name: "Grace Hopper",
            given_name: "Grace",
            family_name: "Hopper",
          }),
        }),
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
