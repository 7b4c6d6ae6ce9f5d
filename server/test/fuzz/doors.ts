import fc from "fast-check";
import { hostileText } from "./values.js";

/**
 * Hostile requests at the doors that are not the partner API or GraphQL: the OpenID Connect endpoints
 * (form bodies, query strings, Basic and Bearer headers), the upstream sign-in callbacks, the hosted
 * login hand-off and the profile picture upload. None may answer 5xx, drop the connection or show an
 * internal error; their answers are HTML, redirects or OAuth JSON, so the envelope is not asked of them.
 */
export type DoorCase = {
  kind: "door";
  method: "GET" | "POST" | "PUT";
  path: string;
  headers: Record<string, string>;
  body: string | null;
  /** Sent with the fuzzer's signed-in owner's cookie and CSRF header. */
  signedIn: boolean;
};

const FORM = "application/x-www-form-urlencoded";

/** Every byte of the text's UTF-8 percent-encoded (encodeURIComponent throws on lone surrogates). */
const percentEncoded = (text: string) =>
  Array.from(Buffer.from(text, "utf8"), (byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");

/** Text as it may arrive in a form or query: hostile values, plus broken percent-encoding and bad UTF-8. */
const formValue = fc.oneof(
  { weight: 3, arbitrary: hostileText.map(percentEncoded) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("%", "%zz", "%E0%A4%A", "%00", "+++", "a=b=c", "%u0041", "&&", "%C3%28", "%FF%FE"),
  },
);

const FORM_ENDPOINTS = ["/oauth/token", "/oauth/introspect", "/oauth/revoke", "/oauth/par", "/oauth/userinfo"];
const FORM_FIELDS = [
  "grant_type",
  "code",
  "redirect_uri",
  "code_verifier",
  "client_id",
  "client_secret",
  "refresh_token",
  "token",
  "token_type_hint",
  "scope",
  "response_type",
  "client_assertion_type",
  "client_assertion",
  "resource",
];

/** Well-formed field names with hostile values, repeated fields and the odd unknown one. */
const formBody = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...FORM_FIELDS), hostileText.map(percentEncoded)), formValue), {
    minLength: 0,
    maxLength: 6,
  })
  .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join("&"));

const authorization = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "Basic",
    "Basic !!!",
    "Basic Og==",
    `Basic ${Buffer.from("no-colon").toString("base64")}`,
    `Basic ${Buffer.from("%zz:%zz").toString("base64")}`,
    "Bearer",
    "Bearer a.b.c",
    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
    "DPoP x",
    `Basic ${"A".repeat(9000)}`,
  ),
  hostileText.map((text) => `Basic ${Buffer.from(`${text}:${text}`).toString("base64")}`),
);

const contentType = fc.constantFrom(FORM, FORM, "application/json", "text/plain", "multipart/form-data", "");

const oidcForm: fc.Arbitrary<DoorCase> = fc
  .tuple(fc.constantFrom(...FORM_ENDPOINTS), formBody, authorization, contentType)
  .map(([path, body, auth, type]) => ({
    kind: "door" as const,
    method: "POST" as const,
    path,
    headers: { ...(type ? { "content-type": type } : {}), ...(auth ? { authorization: auth } : {}) },
    body,
    signedIn: false,
  }));

const QUERY_PATHS = [
  "/oauth/authorize",
  "/oauth/userinfo",
  "/oauth/jwks",
  "/oauth/logout",
  "/.well-known/openid-configuration",
  "/oauth/login",
  "/upstream/google/start",
  "/upstream/google/callback",
];
const QUERY_FIELDS = [
  "client_id",
  "redirect_uri",
  "response_type",
  "scope",
  "state",
  "nonce",
  "code_challenge",
  "code_challenge_method",
  "request_uri",
  "prompt",
  "max_age",
  "id_token_hint",
  "post_logout_redirect_uri",
  "code",
  "return",
  "token",
  "iss",
];

/** A GET with a hostile query, or to a hostile path segment under a real route. */
const queryCase: fc.Arbitrary<DoorCase> = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...QUERY_PATHS) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom("/oauth/interaction/", "/upstream/", "/pictures/", "/oauth/"),
            fc.oneof(formValue, fc.constantFrom("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a.webp", "x/done")),
          )
          .map(([prefix, segment]) => `${prefix}${segment}`),
      },
    ),
    fc.array(fc.tuple(fc.constantFrom(...QUERY_FIELDS), formValue), { maxLength: 6 }),
    authorization,
  )
  .map(
    ([path, pairs, auth]): DoorCase => ({
      kind: "door",
      method: "GET",
      path: pairs.length ? `${path}?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}` : path,
      headers: auth ? { authorization: auth } : {},
      body: null,
      signedIn: false,
    }),
  );

/** Bytes that claim to be an image: empty, text, a bare PNG or JPEG header, truncated, or random. */
const pictureBytes = fc.oneof(
  fc.constantFrom(
    "",
    "not an image",
    "\u0089PNG\r\n\u001a\n",
    "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u007f\u00ff\u00ff\u00ff\u007f\u00ff\u00ff\u00ff\b\u0006",
    "\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF",
    "GIF89a\u00ff\u00ff\u00ff\u00ff",
    "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "RIFF\u0000\u0000\u0000\u0000WEBPVP8 ",
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
);

const pictureCase: fc.Arbitrary<DoorCase> = fc
  .tuple(pictureBytes, fc.constantFrom("image/png", "image/jpeg", "application/octet-stream", "text/plain", ""))
  .map(
    ([bytes, type]): DoorCase => ({
      kind: "door",
      method: "PUT",
      path: "/account/picture",
      headers: type ? { "content-type": type } : {},
      body: bytes,
      signedIn: true,
    }),
  );

export const doorCase: fc.Arbitrary<DoorCase> = fc.oneof(
  { weight: 3, arbitrary: oidcForm },
  { weight: 3, arbitrary: queryCase },
  { weight: 1, arbitrary: pictureCase },
);

/** A stack frame or a library's internal path in an answer means something leaked. */
export const LEAK = /\n\s+at [^\n]+:\d+:\d+|node_modules|INTERNAL_SERVER_ERROR|Unexpected error/;
