import { createBrowserRouter, redirect } from "react-router";
import { PageLoading } from "./components/ui/Spinner";
import { accountRoutes } from "./routes/account/account-routes";
import { clientsRoutes } from "./routes/clients/client-routes";
import { NotFoundPage } from "./routes/errors/NotFoundPage";
import { RouteErrorPage } from "./routes/errors/RouteErrorPage";
import { RootLayout } from "./routes/layouts/RootLayout";
import { staffRoutes } from "./routes/staff/staff-routes";

export const router = createBrowserRouter([
  {
    Component: RootLayout,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, loader: () => redirect("/account") },
      {
        path: "authorize",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/authorize/AuthorizeRoute").then((m) => ({ Component: m.AuthorizeRoute })),
      },
      {
        path: "signin",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/auth/signin/SignInPage").then((m) => ({ Component: m.SignInPage })),
      },
      {
        path: "signin/link",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/auth/signin/LinkProviderPage").then((m) => ({ Component: m.LinkProviderPage })),
      },
      {
        path: "forgot-password",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/auth/links/ForgotPasswordPage").then((m) => ({ Component: m.ForgotPasswordPage })),
      },
      {
        path: "setup",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/auth/setup/AdminSetupPage").then((m) => ({ Component: m.AdminSetupPage })),
      },
      {
        path: "reset-password",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/auth/links/ResetPasswordPage").then((m) => ({ Component: m.ResetPasswordPage })),
      },
      {
        path: "verify-email",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/auth/links/ConfirmLinkPage").then((m) => ({ Component: m.VerifyEmailPage })),
      },
      {
        path: "confirm-email-change",
        errorElement: <RouteErrorPage />,
        lazy: () =>
          import("./routes/auth/links/ConfirmLinkPage").then((m) => ({ Component: m.ConfirmEmailChangePage })),
      },
      {
        path: "docs/api",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/docs/ApiReferencePage").then((m) => ({ Component: m.ApiReferencePage })),
      },
      {
        path: "signout",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/auth/signout/SignOutPage").then((m) => ({ Component: m.SignOutPage })),
      },
      {
        path: "account-deleted",
        errorElement: <RouteErrorPage />,
        lazy: () =>
          import("./routes/account/privacy/AccountDeletedPage").then((m) => ({ Component: m.AccountDeletedPage })),
      },
      {
        path: "invitation",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/invitation/InvitationPage").then((m) => ({ Component: m.InvitationPage })),
      },
      {
        path: "register",
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/auth/register/RegisterPage").then((m) => ({ Component: m.RegisterPage })),
      },
      {
        errorElement: <RouteErrorPage />,
        lazy: () => import("./routes/layouts/ProtectedLayout").then((m) => ({ Component: m.ProtectedLayout })),
        children: [
          { path: "account", errorElement: <RouteErrorPage />, children: accountRoutes },
          { path: "clients", errorElement: <RouteErrorPage />, children: clientsRoutes },
          { path: "staff", errorElement: <RouteErrorPage />, children: staffRoutes },
        ],
      },
      // Not lazy: the error boundary renders this page for 404s too, so it is in the main chunk anyway.
      { path: "*", Component: NotFoundPage, errorElement: <RouteErrorPage /> },
    ],
  },
]);
