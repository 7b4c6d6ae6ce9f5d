import type { Config } from "../../config.js";
import type { User } from "../../generated/prisma/client.js";

type Person = Pick<User, "plan" | "platformRole">;

/** CLIENT_CREATION: platform staff always may; `paid` adds PAID accounts (as XWMS), `anyone` everyone. */
export function mayCreateClients(policy: Config["clientCreation"], person: Person): boolean {
  if (person.platformRole === "STAFF" || person.platformRole === "ADMIN") return true;
  if (policy === "anyone") return true;
  return policy === "paid" && person.plan === "PAID";
}

/** The refusal a person sees, naming what this installation requires. */
export function clientCreationRefusal(policy: Config["clientCreation"]): string {
  return policy === "staff"
    ? "On this Gatehouse only platform staff can create clients. Ask an administrator to create one for you."
    : "Only accounts on the PAID plan can own clients. Upgrade your plan to create one.";
}
