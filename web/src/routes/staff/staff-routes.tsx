import type { RouteObject } from "react-router";

/** /staff: the verification review queue and plan changes, for platform staff. */
export const staffRoutes: RouteObject[] = [];
