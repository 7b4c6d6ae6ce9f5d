import type { VerificationChange } from "../../mail/messages/index.js";
import { clientOwners } from "../client/owners.js";
import type { ServiceContext } from "../context.js";
import { mailPerson } from "../mail/mail-person.js";
import { addressesWanting } from "../notification/notification.js";

export type { VerificationChange };

/** Tells the client's owners what happened to its verification, with the scope and domain decisions and the note. */
export async function mailVerificationChange(
  ctx: ServiceContext,
  clientId: string,
  change: VerificationChange,
  details: { domains?: string[]; scopes?: string[]; note?: string | null },
): Promise<void> {
  const { clientName, emails } = await clientOwners(ctx.db, clientId, ctx.clock.now());
  if (clientName === null) return;
  const link = new URL(`/clients/${clientId}/verification`, ctx.config.publicUrl).toString();
  for (const email of await addressesWanting(ctx.db, emails, "VERIFICATION")) {
    await mailPerson(ctx, { email }, "verificationChange", { clientName, change, ...details, link });
  }
}
