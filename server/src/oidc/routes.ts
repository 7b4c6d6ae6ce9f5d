/** The OpenID Connect door's endpoints (discovery stays at /.well-known/openid-configuration). */
export const OIDC_ROUTES = {
  authorization: "/oauth/authorize",
  token: "/oauth/token",
  userinfo: "/oauth/userinfo",
  jwks: "/oauth/jwks",
  introspection: "/oauth/introspect",
  revocation: "/oauth/revoke",
  end_session: "/oauth/logout",
  pushed_authorization_request: "/oauth/par",
  backchannel_authentication: "/oauth/backchannel",
  code_verification: "/oauth/device",
  device_authorization: "/oauth/device/auth",
  registration: "/oauth/register",
  challenge: "/oauth/challenge",
} as const;
