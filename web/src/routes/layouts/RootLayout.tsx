import { Outlet, useNavigation } from "react-router";

export function RootLayout() {
  const navigation = useNavigation();
  return (
    <>
      {navigation.state === "loading" ? (
        <div className="nav-progress" role="progressbar" aria-label="Loading page" />
      ) : null}
      <Outlet />
    </>
  );
}
