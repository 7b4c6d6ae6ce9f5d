import { userAddressCrud, userAddressRead } from "./address.js";
import type { XwmsHandler } from "./deps.js";
import { countries, projects } from "./global.js";
import { info } from "./info.js";
import { signToken, signTokenVerify } from "./login.js";
import { userInfo } from "./user.js";

/** The route table of the XWMS-compatible REST API, relative to /api. */
export const XWMS_ENDPOINTS: readonly { method: "GET" | "POST"; path: string; handler: XwmsHandler }[] = [
  { method: "GET", path: "/info", handler: info },
  { method: "POST", path: "/sign-token", handler: signToken },
  { method: "POST", path: "/sign-token-verify", handler: signTokenVerify },
  { method: "POST", path: "/get/user/info", handler: userInfo },
  { method: "POST", path: "/get/user/address", handler: userAddressRead },
  { method: "POST", path: "/user/address", handler: userAddressCrud },
  { method: "POST", path: "/global/countries", handler: countries },
  { method: "GET", path: "/global/countries", handler: countries },
  { method: "GET", path: "/global/projects", handler: projects },
];
