import type { Adapter, AdapterPayload } from "oidc-provider";
import { sha256 } from "../core/auth/crypto.js";
import { loadOidcClientMetadata } from "../core/oidc/oidc-client.js";
import type { Db } from "../db/client.js";
import { hotSqlOf } from "../db/hot/registry.js";
import { toDate, toStr } from "../db/hot/sql.js";

/** Models whose id is a bearer value (a code or token): only its hash is kept, never the value itself. */
const BEARER_MODELS = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "ClientCredentials",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
  "PushedAuthorizationRequest",
  "RegistrationAccessToken",
  "InitialAccessToken",
]);

const UPSERT = `INSERT INTO "OidcRecord" ("id", "model", "payload", "grantId", "userCode", "uid", "clientId", "accountId",
  "expiresAt", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT ("id") DO UPDATE SET "payload" = excluded."payload", "grantId" = excluded."grantId",
  "userCode" = excluded."userCode", "uid" = excluded."uid", "clientId" = excluded."clientId",
  "accountId" = excluded."accountId", "expiresAt" = excluded."expiresAt"`;
const FIND = `SELECT "payload", "consumedAt", "expiresAt" FROM "OidcRecord" WHERE "id" = ?`;
const FIND_BY = (column: "uid" | "userCode") =>
  `SELECT "payload", "consumedAt", "expiresAt" FROM "OidcRecord" WHERE "model" = ? AND "${column}" = ?`;
const CONSUME = `UPDATE "OidcRecord" SET "consumedAt" = ? WHERE "id" = ? AND "consumedAt" IS NULL`;
const DESTROY = `DELETE FROM "OidcRecord" WHERE "id" = ?`;
const REVOKE_GRANT = `DELETE FROM "OidcRecord" WHERE "grantId" = ? AND "model" = ?`;

const keyOf = (model: string, id: string) => sha256(`${model}:${id}`);

/**
 * oidc-provider's storage on Gatehouse's database, through the same prepared-statement runner on both
 * dialects. Clients are not stored here: the `Client` model reads Gatehouse clients.
 */
export function oidcAdapterFactory(db: Db) {
  const sql = hotSqlOf(db);
  return class OidcAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const stored: AdapterPayload = { ...payload };
      if (BEARER_MODELS.has(this.model)) delete stored.jti;
      const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
      await sql.run(UPSERT, [
        keyOf(this.model, id),
        this.model,
        JSON.stringify(stored),
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        payload.clientId ?? null,
        payload.accountId ?? null,
        expiresAt,
        new Date(),
      ]);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === "Client") return (await loadOidcClientMetadata(db, id)) as AdapterPayload | undefined;
      const [row] = await sql.all(FIND, [keyOf(this.model, id)]);
      const payload = row ? this.read(row) : undefined;
      if (payload && BEARER_MODELS.has(this.model)) payload.jti = id;
      return payload;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const [row] = await sql.all(FIND_BY("uid"), [this.model, uid]);
      return row ? this.read(row) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const [row] = await sql.all(FIND_BY("userCode"), [this.model, userCode]);
      return row ? this.read(row) : undefined;
    }

    async consume(id: string): Promise<void> {
      await sql.run(CONSUME, [new Date(), keyOf(this.model, id)]);
    }

    async destroy(id: string): Promise<void> {
      await sql.run(DESTROY, [keyOf(this.model, id)]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await sql.run(REVOKE_GRANT, [grantId, this.model]);
    }

    private read(row: Record<string, unknown>): AdapterPayload | undefined {
      const expiresAt = toDate(row.expiresAt);
      if (expiresAt && expiresAt.getTime() <= Date.now()) return undefined;
      const payload = JSON.parse(toStr(row.payload)) as AdapterPayload;
      const consumedAt = toDate(row.consumedAt);
      if (consumedAt) payload.consumed = Math.floor(consumedAt.getTime() / 1000);
      return payload;
    }
  };
}
