import type { z } from "zod";
import { addressCrudBody, addressReadBody, userAddressCrud, userAddressRead } from "./address.js";
import { userClaims, userClaimsBody } from "./claims.js";
import type { XwmsHandler } from "./deps.js";
import { countries, projects } from "./global.js";
import { info } from "./info.js";
import { signToken, signTokenBody, signTokenVerify, verifyBody } from "./login.js";
import { userInfo, userInfoBody } from "./user.js";

export type XwmsEndpoint = {
  method: "GET" | "POST";
  path: string;
  handler: XwmsHandler;
  summary: string;
  /** Whether the X-Client-* headers are required. */
  clientAuth: boolean;
  /** The schema that validates the JSON body; the OpenAPI document is generated from it. */
  body?: z.ZodType;
};

/** The route table of the XWMS-compatible REST API, relative to /api. */
export const XWMS_ENDPOINTS: readonly XwmsEndpoint[] = [
  { method: "GET", path: "/info", handler: info, summary: "Service info and endpoint URLs", clientAuth: false },
  {
    method: "POST",
    path: "/sign-token",
    handler: signToken,
    summary: "Start a login: a single-use token and the hosted login URL",
    clientAuth: true,
    body: signTokenBody,
  },
  {
    method: "POST",
    path: "/sign-token-verify",
    handler: signTokenVerify,
    summary: "Exchange the token from the redirect for the person's data",
    clientAuth: true,
    body: verifyBody,
  },
  {
    method: "POST",
    path: "/get/user/info",
    handler: userInfo,
    summary: "A consented person's profile, under data.user",
    clientAuth: true,
    body: userInfoBody,
  },
  {
    method: "POST",
    path: "/get/user/address",
    handler: userAddressRead,
    summary: "A consented person's addresses (read)",
    clientAuth: true,
    body: addressReadBody,
  },
  {
    method: "POST",
    path: "/user/address",
    handler: userAddressCrud,
    summary: "List, create, update or delete a consented person's addresses",
    clientAuth: true,
    body: addressCrudBody,
  },
  {
    method: "POST",
    path: "/user/claims",
    handler: userClaims,
    summary: "Set custom claims of one of the client's private scopes for a person who consented to it",
    clientAuth: true,
    body: userClaimsBody,
  },
  {
    method: "POST",
    path: "/global/countries",
    handler: countries,
    summary: "Every country, with ISO codes and phone code",
    clientAuth: true,
  },
  { method: "GET", path: "/global/countries", handler: countries, summary: "Every country", clientAuth: true },
  { method: "GET", path: "/global/projects", handler: projects, summary: "Public projects", clientAuth: false },
];
