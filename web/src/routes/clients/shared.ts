import { useOutletContext } from "react-router";
import type { Permission } from "../../lib/permissions";

export { missingPermissionReason, type Permission, permissionLabel } from "../../lib/permissions";

/** What the dashboard layout knows about the client; children read it with useClientDashboard(). */
export type DashboardClient = {
  id: string;
  name: string;
  verification: "UNVERIFIED" | "VERIFIED";
  myPermissions: readonly Permission[];
  myRoleLevel: number | null;
};

export type ClientDashboardContext = {
  client: DashboardClient;
  /** Re-reads the client (after a rename, a verification change…). */
  refreshClient: () => void;
};

export function useClientDashboard(): ClientDashboardContext {
  return useOutletContext<ClientDashboardContext>();
}

export function can(client: DashboardClient, permission: Permission): boolean {
  return client.myPermissions.includes(permission);
}
