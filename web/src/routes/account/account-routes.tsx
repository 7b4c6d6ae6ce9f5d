import type { RouteObject } from "react-router";

/** /account and its sections: profile, addresses, connected apps, access requests, API tokens, sessions, your data (export, deletion). */
export const accountRoutes: RouteObject[] = [
  {
    lazy: () => import("./AccountLayout").then((m) => ({ Component: m.AccountLayout })),
    children: [
      {
        index: true,
        lazy: () => import("./profile/AccountPage").then((m) => ({ Component: m.AccountPage })),
      },
      {
        path: "addresses",
        lazy: () => import("./addresses/AddressesPage").then((m) => ({ Component: m.AddressesPage })),
      },
      {
        path: "apps",
        lazy: () => import("./apps/ConnectedAppsPage").then((m) => ({ Component: m.ConnectedAppsPage })),
      },
      {
        path: "requests",
        lazy: () => import("./requests/AccessRequestsPage").then((m) => ({ Component: m.AccessRequestsPage })),
      },
      {
        path: "tokens",
        lazy: () => import("./tokens/ApiTokensPage").then((m) => ({ Component: m.ApiTokensPage })),
      },
      {
        path: "privacy",
        lazy: () => import("./privacy/PrivacyPage").then((m) => ({ Component: m.PrivacyPage })),
      },
      {
        path: "two-factor",
        lazy: () => import("./two-factor/TwoFactorPage").then((m) => ({ Component: m.TwoFactorPage })),
      },
      {
        path: "sessions",
        lazy: () => import("./sessions/SessionsPage").then((m) => ({ Component: m.SessionsPage })),
      },
    ],
  },
];
