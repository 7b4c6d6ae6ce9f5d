import { useOutletContext } from "react-router";
import type { FieldError } from "../../lib/errors";
import { fieldErrorMap } from "../../lib/errors";

export type Permission =
  | "AUDIT_READ"
  | "CLIENT_UPDATE"
  | "DOMAINS_MANAGE"
  | "MEMBERS_MANAGE"
  | "REQUESTS_SEND"
  | "ROLES_MANAGE"
  | "SCOPES_MANAGE"
  | "SECRETS_MANAGE"
  | "USERS_READ"
  | "VERIFICATION_MANAGE";

export type Verification = "UNVERIFIED" | "VERIFIED";

/** What the dashboard layout knows about the client; children read it with useClientDashboard(). */
export type DashboardClient = {
  id: string;
  name: string;
  verification: Verification;
  myPermissions: Permission[];
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

/** The permission as people see it in roles: SECRETS_MANAGE → secrets:manage. */
export function permissionLabel(permission: Permission): string {
  return permission.toLowerCase().replace("_", ":");
}

/** The sentence shown beside a disabled control. */
export function missingPermissionReason(permission: Permission): string {
  return `You need the ${permissionLabel(permission)} permission in this client. Ask its owner for a role that has it.`;
}

export function can(client: DashboardClient, permission: Permission): boolean {
  return client.myPermissions.includes(permission);
}

/** Every typed error a mutation payload may answer with. */
export type MutationError =
  | { __typename: "ValidationError"; message: string; fieldErrors: FieldError[] }
  | {
      __typename: "ConflictError" | "ForbiddenError" | "NotFoundError" | "NotAuthenticatedError" | "PlanRequiredError";
      message: string;
    };

export type Payload<Success extends string, Data> = { __typename: Success; data: Data } | MutationError;

/** Field errors keyed by input name, plus the message to show above the form when no field claims it. */
export function splitMutationError(error: MutationError): { fields: Record<string, string>; form: string | null } {
  if (error.__typename === "ValidationError" && error.fieldErrors.length > 0) {
    return { fields: fieldErrorMap(error.fieldErrors), form: null };
  }
  return { fields: {}, form: error.message };
}

/** The selection every mutation in this area asks for on its errors. */
export const ERROR_FIELDS = `
  ... on Error {
    message
  }
  ... on ValidationError {
    fieldErrors {
      field
      message
    }
  }
`;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDate(value: string | null | undefined): string {
  return value ? dateFormat.format(new Date(value)) : "—";
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTimeFormat.format(new Date(value)) : "—";
}
