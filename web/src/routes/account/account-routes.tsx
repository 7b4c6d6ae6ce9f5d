import type { RouteObject } from "react-router";

/** /account and its sections: profile, addresses, connected apps, access requests, API tokens. */
export const accountRoutes: RouteObject[] = [
  {
    index: true,
    lazy: () => import("./profile/AccountPage").then((m) => ({ Component: m.AccountPage })),
  },
];
