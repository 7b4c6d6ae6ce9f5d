import type { Config } from "../../config.js";
import type { User } from "../../generated/prisma/client.js";

type Person = Pick<User, "plan" | "platformRole">;

/**
 * Why this person may create clients under CLIENT_CREATION: as themselves (`paid` lets PAID accounts, as
 * XWMS; `anyone` everyone), only as platform staff (a staff power, so it needs their second factor), or not.
 */
export function clientCreationRight(policy: Config["clientCreation"], person: Person): "own" | "staff" | null {
  if (policy === "anyone" || (policy === "paid" && person.plan === "PAID")) return "own";
  return person.platformRole === "STAFF" || person.platformRole === "ADMIN" ? "staff" : null;
}

export const mayCreateClients = (policy: Config["clientCreation"], person: Person): boolean =>
  clientCreationRight(policy, person) !== null;

/** The refusal a person sees, naming what this installation requires. */
export function clientCreationRefusal(policy: Config["clientCreation"]): string {
  return policy === "staff"
    ? "On this Gatehouse only platform staff can create clients. Ask an administrator to create one for you."
    : "Only accounts on the PAID plan can own clients. Upgrade your plan to create one.";
}
