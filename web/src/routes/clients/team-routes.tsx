import type { RouteObject } from "react-router";
import { RouteErrorPage } from "../errors/RouteErrorPage";

/** Dashboard sections under /clients/:clientId: users, verification, members, roles, audit. */
export const teamRoutes: RouteObject[] = [
  {
    path: "users",
    errorElement: <RouteErrorPage />,
    lazy: () => import("./users/UsersPage").then((m) => ({ Component: m.UsersPage })),
  },
  {
    path: "verification",
    errorElement: <RouteErrorPage />,
    lazy: () => import("./verification/VerificationPage").then((m) => ({ Component: m.VerificationPage })),
  },
  {
    path: "members",
    errorElement: <RouteErrorPage />,
    lazy: () => import("./members/MembersPage").then((m) => ({ Component: m.MembersPage })),
  },
  {
    path: "roles",
    errorElement: <RouteErrorPage />,
    lazy: () => import("./roles/RolesPage").then((m) => ({ Component: m.RolesPage })),
  },
  {
    path: "audit",
    errorElement: <RouteErrorPage />,
    lazy: () => import("./audit/AuditPage").then((m) => ({ Component: m.AuditPage })),
  },
];
