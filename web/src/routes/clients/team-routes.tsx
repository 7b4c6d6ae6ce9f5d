import type { RouteObject } from "react-router";

/** Dashboard sections under /clients/:clientId: users, verification, members, roles, audit. */
export const teamRoutes: RouteObject[] = [];
