export type LoginRequestErrorCode =
  | "NOT_FOUND"
  | "EXPIRED"
  | "ALREADY_USED"
  | "DOMAIN_INACTIVE"
  | "LOGIN_NOT_ALLOWED"
  | "TEST_MODE_DENIED"
  | "DECLINED";

export type LoginRequestError = {
  __typename: "LoginRequestError";
  message: string;
  code: LoginRequestErrorCode;
  redirectUrl: string | null;
};

export type LoginScope = { key: string; description: string; tier: "BASIC" | "VERIFIED" };

export type LoginRequest = {
  clientName: string;
  domain: string;
  redirectHost: string;
  scopes: LoginScope[];
  consentRequired: boolean;
  email: string | null;
  expiresAt: string;
};

export type Viewer = { id: string; email: string; name: string };
