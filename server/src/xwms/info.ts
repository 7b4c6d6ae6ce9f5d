import { clientIp } from "../auth/client-ip.js";
import type { XwmsHandler } from "./deps.js";
import { XWMS_ENDPOINTS } from "./endpoints.js";
import { success } from "./envelope.js";

export const info: XwmsHandler = async (c, { config }) =>
  success(c, {
    application: { name: "Gatehouse", compatible_with: "XWMS", public_url: config.publicUrl },
    client: { ip: clientIp(c, config.trustProxy) ?? null, user_agent: c.req.header("user-agent") ?? null },
    api: { endpoints: XWMS_ENDPOINTS.map(({ method, path }) => ({ method, path: `/api${path}` })) },
  });
