import type { Config } from "../config.js";
import type { XwmsHandler } from "./deps.js";
import { success } from "./envelope.js";

/** The XWMS API version whose wire shapes Gatehouse answers. */
const API_VERSION = "v.2";

/** Where people read the API: the SPA page that renders /api/openapi.json. */
export const documentationUrl = (config: Pick<Config, "publicUrl">) => `${config.publicUrl}/docs/api`;

/** The base URL SDKs need: with the trailing slash, so `new URL("sign-token", base)` stays under /api/. */
export const apiBaseUrl = (config: Pick<Config, "publicUrl">) => `${config.publicUrl}/api/`;

/** Read once: building an Intl.DateTimeFormat per request was the handler's largest cost. */
const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export const info: XwmsHandler = async (request, { config }) => {
  const api = apiBaseUrl(config);
  return success(
    {
      application: {
        name: "Gatehouse",
        description: "Gatehouse is an open-source identity and partner platform, compatible with XWMS.",
        version: API_VERSION,
        locale: "en",
        timezone,
        time: new Date().toISOString(),
      },
      client: { ip: request.ip ?? null, user_agent: request.header("user-agent") ?? null },
      api: {
        documentation: documentationUrl(config),
        endpoints: {
          general_info: `${api}info`,
          countries: `${api}global/countries`,
          projects: `${api}global/projects`,
          user_address: `${api}get/user/address`,
          user_info: `${api}get/user/info`,
          auth_signin: `${api}sign-token`,
          auth_verify: `${api}sign-token-verify`,
        },
      },
    },
    "Gatehouse is up and speaks the XWMS API.",
  );
};
