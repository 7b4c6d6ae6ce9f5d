import { createHmac } from "node:crypto";
import type { Db } from "../../db/client.js";
import { serverSecret } from "../auth/server-secret.js";

const SUB_MIN = 10n ** 15n;
const SUB_MAX = 2n ** 53n - 1n;

/** A numeric sub below 2^53 (partner SDKs call Number(sub)), derived from the sector and the person's sub. */
export function derivePairwiseSub(key: string, sector: string, publicSub: string): string {
  const digest = createHmac("sha256", key).update(`${sector.toLowerCase()}\n${publicSub}`).digest("hex");
  return (SUB_MIN + (BigInt(`0x${digest.slice(0, 16)}`) % (SUB_MAX - SUB_MIN))).toString();
}

/**
 * The person's sub as a pairwise client sees it: stable per client and person, derived with the client's
 * sector (its primary root domain), and kept in PairwiseSubject so it never changes once handed out.
 */
export async function pairwiseSubject(db: Db, clientId: string, publicSub: string): Promise<string> {
  const user = await db.user.findUnique({ where: { sub: publicSub }, select: { id: true } });
  if (!user) return publicSub;
  const stored = await db.pairwiseSubject.findUnique({ where: { clientId_userId: { clientId, userId: user.id } } });
  if (stored) return stored.sub;
  const domains = await db.domain.findMany({
    where: { clientId },
    select: { rootDomain: true, primary: true },
    orderBy: [{ primary: "desc" }, { createdAt: "asc" }],
  });
  const sector = domains[0]?.rootDomain ?? clientId;
  const sub = derivePairwiseSub(await serverSecret(db, "oidc-pairwise-subjects"), sector, publicSub);
  try {
    await db.pairwiseSubject.create({ data: { clientId, userId: user.id, sub } });
  } catch {
    // Another request stored it first; its value is the same derivation, read it back.
    const raced = await db.pairwiseSubject.findUnique({ where: { clientId_userId: { clientId, userId: user.id } } });
    if (raced) return raced.sub;
  }
  return sub;
}
