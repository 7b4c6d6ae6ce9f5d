import type { Scope } from "../../generated/prisma/client.js";
import { newId } from "./id.js";
import type { HotQueries, HotSql } from "./sql.js";
import { toDateOrThrow, toStr, toStrOrNull } from "./sql.js";

/**
 * Everything a login's grantable scopes depend on, in one round trip: the client's verification and enabled
 * scopes (kind 'e', one row per scope, or one without a scope), the scopes the person accepted through an
 * access request ('a'), how many verification requests staff ever approved for the client ('n'), and the
 * scopes live approved requests cover on this domain ('v'). Each branch leaves the others' columns NULL; the
 * first branch types its NULLs, as PostgreSQL resolves a chain of UNIONs pair by pair.
 */
const GRANT_FACTS = `SELECT 'e' AS "kind", c."verification", s."id", s."key", s."description", s."tier", s."createdAt",
  s."name", s."claims", s."ownerClientId", CAST(NULL AS TEXT) AS "scopeId", CAST(NULL AS BIGINT) AS "approvals"
FROM "Client" c
LEFT JOIN "ClientScope" cs ON cs."clientId" = c."id" AND cs."enabled" = ?
LEFT JOIN "Scope" s ON s."id" = cs."scopeId"
WHERE c."id" = ?
UNION ALL
SELECT 'a', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ars."scopeId", NULL
FROM "AccessRequestScope" ars JOIN "AccessRequest" ar ON ar."id" = ars."accessRequestId"
WHERE ar."clientId" = ? AND ar."userId" = ? AND ar."status" = 'ACCEPTED'
UNION ALL
SELECT 'n', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*)
FROM "VerificationRequest" vr WHERE vr."clientId" = ? AND vr."status" = 'APPROVED'
UNION ALL
SELECT 'v', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, vrs."scopeId", NULL
FROM "VerificationRequestScope" vrs
JOIN "VerificationRequest" vr ON vr."id" = vrs."verificationRequestId"
JOIN "VerificationRequestDomain" vrd ON vrd."verificationRequestId" = vr."id"
WHERE vr."clientId" = ? AND vr."status" = 'APPROVED' AND vr."revokedAt" IS NULL
  AND (vrs."approved" IS NULL OR vrs."approved" = ?)
  AND vrd."domainId" = ? AND (vrd."approved" IS NULL OR vrd."approved" = ?)`;

/** The one conditional UPDATE that decides the single approval of a login token. */
const CLAIM_TOKEN = `UPDATE "LoginToken" SET "userId" = ?, "approvedAt" = ?, "scopes" = ?
WHERE "id" = ? AND "approvedAt" IS NULL AND "deniedAt" IS NULL AND "consumedAt" IS NULL AND "expiresAt" > ?`;

const UPSERT_CONSENT = `INSERT INTO "Consent" ("id", "userId", "clientId", "grantedAt", "updatedAt", "revokedAt")
VALUES (?, ?, ?, ?, ?, NULL)
ON CONFLICT ("userId", "clientId") DO UPDATE SET "revokedAt" = NULL, "updatedAt" = excluded."updatedAt"
RETURNING "id"`;

const CLEAR_CONSENT_SCOPES = `DELETE FROM "ConsentScope" WHERE "consentId" = ?`;

const ADD_CONSENT_SCOPE = `INSERT INTO "ConsentScope" ("consentId", "scopeId") VALUES (?, ?)`;

const INSERT_AUDIT = `INSERT INTO "AuditEvent" ("id", "clientId", "actorUserId", "actorClient", "action", "targetType",
  "targetId", "details", "ip", "userAgent", "createdAt") VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`;

export type GrantFacts = {
  verified: boolean;
  /** The client's enabled scopes. */
  scopes: Scope[];
  /** Scopes the person was granted through an accepted access request to the client (none without a person). */
  acceptedIds: Set<string>;
  /**
   * The scopes staff approved for the client on this domain through live (unrevoked) verification requests;
   * null when the client never had an approved request (verified without one, e.g. seeded).
   */
  verifiedIds: Set<string> | null;
};

/** The facts grantableScopes (core/login/login-scopes.ts) decides on; null when there is no such client. */
export async function readGrantFacts(
  sql: HotSql,
  key: { clientId: string; userId: string | null; domainId: string },
): Promise<GrantFacts | null> {
  const { clientId, userId, domainId } = key;
  const rows = await sql.all(GRANT_FACTS, [true, clientId, clientId, userId, clientId, clientId, true, domainId, true]);
  const client = rows.filter((row) => row.kind === "e");
  const first = client[0];
  if (!first) return null;
  const scopes = client
    .filter((row) => row.id !== null && row.id !== undefined)
    .map((row) => ({
      id: toStr(row.id),
      key: toStr(row.key),
      description: toStr(row.description),
      tier: toStr(row.tier) as Scope["tier"],
      createdAt: toDateOrThrow(row.createdAt),
      name: toStrOrNull(row.name),
      claims: toStrOrNull(row.claims),
      ownerClientId: toStrOrNull(row.ownerClientId),
    }));
  const idsOf = (kind: string) => new Set(rows.filter((row) => row.kind === kind).map((row) => toStr(row.scopeId)));
  const approvals = Number(rows.find((row) => row.kind === "n")?.approvals ?? 0);
  return {
    verified: toStr(first.verification) === "VERIFIED",
    scopes,
    acceptedIds: idsOf("a"),
    verifiedIds: approvals === 0 ? null : idsOf("v"),
  };
}

export type Approval = {
  loginId: string;
  clientId: string;
  userId: string;
  scopes: Pick<Scope, "id" | "key">[];
  /** Written as the audit event's details, JSON-encoded. */
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
};

const auditUserAgent = (approval: Approval) => approval.userAgent?.slice(0, 512) ?? null;

async function grantConsent(tx: HotQueries, approval: Approval, now: Date): Promise<void> {
  const [consent] = await tx.all(UPSERT_CONSENT, [newId(), approval.userId, approval.clientId, now, now]);
  const consentId = toStr(consent?.id);
  await tx.run(CLEAR_CONSENT_SCOPES, [consentId]);
  for (const scope of approval.scopes) await tx.run(ADD_CONSENT_SCOPE, [consentId, scope.id]);
  await tx.run(INSERT_AUDIT, [
    newId(),
    approval.clientId,
    approval.userId,
    "consent.granted",
    "Consent",
    consentId,
    JSON.stringify(approval.details),
    approval.ip,
    auditUserAgent(approval),
    now,
  ]);
}

/**
 * PostgreSQL does the whole approval in one statement: the consent row's lock is held for one statement,
 * not across round trips that wait for a busy event loop (50 approvals of one person queued on it and
 * held every pooled connection). Scopes no longer granted are deleted, new ones added, kept ones kept.
 */
const APPROVE_POSTGRES = `WITH claimed AS (
  UPDATE "LoginToken" SET "userId" = ?, "approvedAt" = ?, "scopes" = ?
  WHERE "id" = ? AND "approvedAt" IS NULL AND "deniedAt" IS NULL AND "consumedAt" IS NULL AND "expiresAt" > ?
  RETURNING "id"
), consent AS (
  INSERT INTO "Consent" ("id", "userId", "clientId", "grantedAt", "updatedAt", "revokedAt")
  SELECT ?, ?, ?, ?, ?, NULL FROM claimed
  ON CONFLICT ("userId", "clientId") DO UPDATE SET "revokedAt" = NULL, "updatedAt" = excluded."updatedAt"
  RETURNING "id"
), cleared AS (
  DELETE FROM "ConsentScope" WHERE "consentId" IN (SELECT "id" FROM consent) AND NOT ("scopeId" = ANY(?::text[]))
), added AS (
  INSERT INTO "ConsentScope" ("consentId", "scopeId") SELECT consent."id", granted FROM consent, unnest(?::text[]) granted
  ON CONFLICT DO NOTHING
), audited AS (
  INSERT INTO "AuditEvent" ("id", "clientId", "actorUserId", "actorClient", "action", "targetType", "targetId",
    "details", "ip", "userAgent", "createdAt")
  SELECT ?, ?, ?, NULL, 'consent.granted', 'Consent', consent."id", ?, ?, ?, ? FROM consent
)
SELECT count(*) AS "claimed" FROM claimed`;

/**
 * Approves an open, unexpired login token for the person and records their consent (scopes replaced)
 * and its audit event, all or nothing; false when the token was no longer open.
 */
export async function approveLoginToken(sql: HotSql, approval: Approval, now = new Date()): Promise<boolean> {
  const scopeKeys = approval.scopes.map((scope) => scope.key).join(" ");
  if (sql.dialect === "postgresql") {
    const { userId, clientId } = approval;
    const scopeIds = approval.scopes.map((scope) => scope.id);
    const [row] = await sql.all(APPROVE_POSTGRES, [
      ...[userId, now, scopeKeys, approval.loginId, now],
      ...[newId(), userId, clientId, now, now],
      scopeIds,
      scopeIds,
      ...[newId(), clientId, userId, JSON.stringify(approval.details), approval.ip, auditUserAgent(approval)],
      now,
    ]);
    return Number(row?.claimed) === 1;
  }
  // SQLite has no data-modifying WITH; its transaction is one synchronous run on the one connection.
  return sql.transaction(async (tx) => {
    const claimed = await tx.run(CLAIM_TOKEN, [approval.userId, now, scopeKeys, approval.loginId, now]);
    if (claimed !== 1) return false;
    await grantConsent(tx, approval, now);
    return true;
  });
}
