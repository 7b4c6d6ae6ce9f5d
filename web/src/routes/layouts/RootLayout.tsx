import { useTranslation } from "react-i18next";
import { Outlet, useNavigation } from "react-router";

export function RootLayout() {
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <>
      {navigation.state === "loading" ? (
        <div className="nav-progress" role="progressbar" aria-label={t("header.loadingPage")} />
      ) : null}
      <Outlet />
    </>
  );
}
