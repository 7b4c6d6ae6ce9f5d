import { sendMail } from "../../mail/mail.js";
import { clientOwners } from "../client/owners.js";
import type { ServiceContext } from "../context.js";
import { addressesWanting } from "../notification/notification.js";

export type VerificationChange = "requested" | "approved" | "rejected" | "revoked" | "cancelled";

const SUBJECTS: Record<VerificationChange, string> = {
  requested: "verification requested",
  approved: "verification approved",
  rejected: "verification rejected",
  revoked: "verification revoked",
  cancelled: "verification request cancelled",
};

/** Tells the client's owners what happened to its verification, with the scope and domain decisions and the note. */
export async function mailVerificationChange(
  ctx: ServiceContext,
  clientId: string,
  change: VerificationChange,
  details: { domains?: string[]; scopes?: string[]; note?: string | null },
): Promise<void> {
  const { clientName, emails } = await clientOwners(ctx.db, clientId, ctx.clock.now());
  const lines = [`The verification of ${clientName} on Gatehouse: ${SUBJECTS[change]}.`];
  if (details.domains) lines.push(`Domains: ${details.domains.join(", ") || "none"}.`);
  if (details.scopes) lines.push(`Scopes: ${details.scopes.join(", ") || "none"}.`);
  if (details.note) lines.push("", `Note: ${details.note}`);
  lines.push("", new URL(`/clients/${clientId}/verification`, ctx.config.publicUrl).toString());
  for (const to of await addressesWanting(ctx.db, emails, "VERIFICATION")) {
    await sendMail(ctx.config, { to, subject: `${clientName}: ${SUBJECTS[change]}`, text: lines.join("\n") });
  }
}
