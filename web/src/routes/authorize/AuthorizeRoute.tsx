import { useSearchParams } from "react-router";
import { AuthorizePage } from "./AuthorizePage";

export function AuthorizeRoute() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token")?.trim() ?? "";
  return <AuthorizePage key={token} token={token} />;
}
