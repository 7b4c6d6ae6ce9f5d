import type { RouteObject } from "react-router";
import { RouteErrorPage } from "../errors/RouteErrorPage";

/** /staff: the verification review queue and plan changes, for platform staff. */
export const staffRoutes: RouteObject[] = [
  {
    index: true,
    errorElement: <RouteErrorPage />,
    lazy: () => import("./StaffPage").then((m) => ({ Component: m.StaffPage })),
  },
];
