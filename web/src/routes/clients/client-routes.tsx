import type { RouteObject } from "react-router";
import { teamRoutes } from "./team-routes";

/** /clients and the client dashboard (list, create, overview, domains, scopes, secrets); includes teamRoutes. */
export const clientsRoutes: RouteObject[] = [
  {
    index: true,
    lazy: () => import("./list/ClientsPage").then((m) => ({ Component: m.ClientsPage })),
  },
  {
    path: ":clientId",
    lazy: () => import("./dashboard/ClientDashboardLayout").then((m) => ({ Component: m.ClientDashboardLayout })),
    children: [
      {
        index: true,
        lazy: () => import("./overview/OverviewPage").then((m) => ({ Component: m.OverviewPage })),
      },
      {
        path: "domains",
        lazy: () => import("./domains/DomainsPage").then((m) => ({ Component: m.DomainsPage })),
      },
      {
        path: "domains/:domainId",
        lazy: () => import("./domains/DomainPage").then((m) => ({ Component: m.DomainPage })),
      },
      {
        path: "scopes",
        lazy: () => import("./scopes/ScopesPage").then((m) => ({ Component: m.ScopesPage })),
      },
      {
        path: "secrets",
        lazy: () => import("./secrets/SecretsPage").then((m) => ({ Component: m.SecretsPage })),
      },
      ...teamRoutes,
    ],
  },
];
