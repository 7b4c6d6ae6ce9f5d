import { useOutletContext } from "react-router";
import { type FragmentOf, graphql } from "../../lib/graphql";
import type { Permission } from "../../lib/permissions";

export { missingPermissionReason, type Permission, permissionLabel } from "../../lib/permissions";

/** What the dashboard layout knows about the client; children read it with useClientDashboard(). */
export const DashboardClientFields = graphql(`
  fragment DashboardClientFields on Client {
    id
    name
    verification
    logoUrl
    myPermissions
    myRoleLevel
  }
`);

export type DashboardClient = FragmentOf<typeof DashboardClientFields>;

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
