import type { Db } from "../../db/client.js";

/**
 * The people who answer for a client: its owner and every live member holding the Owner role,
 * each address once. Mail about the client as a whole (expiring secrets, verification) goes to them.
 */
export async function clientOwners(db: Pick<Db, "client" | "member">, clientId: string, now: Date) {
  const client = await db.client.findUnique({
    where: { id: clientId },
    select: { name: true, owner: { select: { email: true, disabledAt: true } } },
  });
  if (!client) return { clientName: null, emails: [] as string[] };
  const members = await db.member.findMany({
    where: {
      clientId,
      role: { key: "owner", status: "ACTIVE" },
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      user: { disabledAt: null },
    },
    select: { user: { select: { email: true } } },
  });
  const emails = new Set<string>();
  if (!client.owner.disabledAt) emails.add(client.owner.email);
  for (const member of members) emails.add(member.user.email);
  return { clientName: client.name, emails: [...emails] };
}
