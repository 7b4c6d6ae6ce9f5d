import type { Config } from "../config.js";
import { isoNow } from "../core/clock.js";
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

type InfoFacts = { time: string; ip: string | null; userAgent: string | null };

const infoEnvelope = (config: Pick<Config, "publicUrl">, { time, ip, userAgent }: InfoFacts) => {
  const api = apiBaseUrl(config);
  return success(
    {
      application: {
        name: "Gatehouse",
        description: "Gatehouse is an open-source identity and partner platform, compatible with XWMS.",
        version: API_VERSION,
        locale: "en",
        timezone,
        time,
      },
      client: { ip, user_agent: userAgent },
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
  ).envelope;
};

/**
 * The answer as JSON text around its three changing values, serialised once per configuration: the envelope is
 * built with marker strings, and each request fills the gaps with its own values serialised alone.
 */
function infoTemplate(config: Pick<Config, "publicUrl">): (facts: InfoFacts) => string {
  const markers = ["\u0000time\u0000", "\u0000ip\u0000", "\u0000agent\u0000"] as const;
  const text = JSON.stringify(infoEnvelope(config, { time: markers[0], ip: markers[1], userAgent: markers[2] }));
  const [head = "", afterTime = ""] = text.split(JSON.stringify(markers[0]));
  const [beforeIp = "", afterIp = ""] = afterTime.split(JSON.stringify(markers[1]));
  const [beforeAgent = "", tail = ""] = afterIp.split(JSON.stringify(markers[2]));
  return ({ time, ip, userAgent }) =>
    `${head}${JSON.stringify(time)}${beforeIp}${JSON.stringify(ip)}${beforeAgent}${JSON.stringify(userAgent)}${tail}`;
}

const templates = new WeakMap<object, (facts: InfoFacts) => string>();

export const info: XwmsHandler = async (request, { config }) => {
  let template = templates.get(config);
  if (!template) {
    template = infoTemplate(config);
    templates.set(config, template);
  }
  const json = template({
    time: isoNow(),
    ip: request.ip ?? null,
    userAgent: request.header("user-agent") ?? null,
  });
  return { status: 200, json };
};
