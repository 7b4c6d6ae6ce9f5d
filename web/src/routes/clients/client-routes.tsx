import type { RouteObject } from "react-router";

/** /clients and the client dashboard (list, create, overview, domains, scopes, secrets); includes teamRoutes. */
export const clientsRoutes: RouteObject[] = [];
