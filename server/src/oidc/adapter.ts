import type { Adapter, AdapterPayload } from "oidc-provider";
import { sha256 } from "../core/auth/crypto.js";
import { loadOidcClientMetadata } from "../core/oidc/oidc-client.js";
import type { Db } from "../db/client.js";
import {
  consumeOidcRecord,
  deleteOidcGrantRecords,
  deleteOidcRecord,
  readOidcRecordBy,
  type StoredOidcRecord,
} from "../db/hot/oidc-records.js";
import { hotSqlOf } from "../db/hot/registry.js";
import { batchedReads, batchedWrites } from "./record-batches.js";
import { clientRowsForRequest } from "./request-client.js";

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

const keyOf = (model: string, id: string) => sha256(`${model}:${id}`);

/**
 * oidc-provider's storage on Gatehouse's database, through the same prepared-statement runner on both
 * dialects. Clients are not stored here: the `Client` model reads Gatehouse clients.
 */
export function oidcAdapterFactory(db: Db) {
  const sql = hotSqlOf(db);
  const readRecord = batchedReads(sql);
  const saveRecord = batchedWrites(sql);
  return class OidcAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const stored: AdapterPayload = { ...payload };
      if (BEARER_MODELS.has(this.model)) delete stored.jti;
      const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
      await saveRecord({
        id: keyOf(this.model, id),
        model: this.model,
        payload: JSON.stringify(stored),
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        clientId: payload.clientId ?? null,
        accountId: payload.accountId ?? null,
        expiresAt,
      });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === "Client") {
        const rows = await clientRowsForRequest(db, id);
        return rows ? ((await loadOidcClientMetadata(db, id, rows)) as AdapterPayload | undefined) : undefined;
      }
      const row = await readRecord(keyOf(this.model, id));
      const payload = row ? this.read(row) : undefined;
      if (payload && BEARER_MODELS.has(this.model)) payload.jti = id;
      return payload;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const row = await readOidcRecordBy(sql, this.model, "uid", uid);
      return row ? this.read(row) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const row = await readOidcRecordBy(sql, this.model, "userCode", userCode);
      return row ? this.read(row) : undefined;
    }

    async consume(id: string): Promise<void> {
      await consumeOidcRecord(sql, keyOf(this.model, id), new Date());
    }

    async destroy(id: string): Promise<void> {
      await deleteOidcRecord(sql, keyOf(this.model, id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await deleteOidcGrantRecords(sql, grantId, this.model);
    }

    private read(row: StoredOidcRecord): AdapterPayload | undefined {
      if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return undefined;
      const payload = JSON.parse(row.payload) as AdapterPayload;
      if (row.consumedAt) payload.consumed = Math.floor(row.consumedAt.getTime() / 1000);
      return payload;
    }
  };
}
