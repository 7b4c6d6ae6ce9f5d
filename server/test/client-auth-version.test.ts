import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/crypto.js";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import * as enums from "../src/generated/prisma/enums.js";
import { getDatamodel } from "../src/generated/prisma/pothos-types.js";
import { TEST_DIALECT } from "./databases.js";
import { createPartner } from "./fixtures.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The tables whose rows client authentication and login redirects read (client-auth.ts). */
const AUTH_TABLES = ["Client", "Domain", "DomainUrl", "ClientSecret", "SecretDomain"] as const;
type AuthTable = (typeof AUTH_TABLES)[number];
/** Columns nothing decides on: each use of a secret writes lastUsedAt, every Prisma update writes updatedAt. */
const NOT_AUTH_FACTS = ["Client.updatedAt", "ClientSecret.lastUsedAt"];

type Field = { name: string; kind: string; type: string; relationFromFields?: readonly string[] };
type Delegate = {
  findFirstOrThrow(args: { where: Record<string, unknown> }): Promise<Record<string, unknown>>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
};

const fieldsOf = (model: AuthTable): readonly Field[] => getDatamodel().datamodel.models[model]?.fields ?? [];
/** Every column of the five tables, from the data model: a column added later is covered without editing this. */
const columns = AUTH_TABLES.flatMap((model) =>
  fieldsOf(model)
    .filter((field) => field.kind === "scalar" || field.kind === "enum")
    .filter((field) => `${model}.${field.name}` !== "Client.authVersion")
    .map((field) => ({ model, field })),
);
/** The model a foreign-key column points at (Domain.clientId → Client), from its relation field. */
const targetOf = (model: AuthTable, column: string) =>
  fieldsOf(model).find((field) => field.relationFromFields?.includes(column))?.type;

const delegate = (model: AuthTable) => {
  const name = `${model[0]?.toLowerCase()}${model.slice(1)}`;
  return (server.db as unknown as Record<string, Delegate>)[name] as Delegate;
};

const version = async (clientId: string) =>
  (await server.db.client.findUniqueOrThrow({ where: { id: clientId }, select: { authVersion: true } })).authVersion;

/** A partner with one of each row, plus spare rows of another partner for foreign keys to move to. */
async function scene() {
  const partner = await createPartner(server.db);
  const url = await server.db.domainUrl.create({
    data: { domainId: partner.domain.id, kind: "CALLBACK", url: "https://example.com/cb" },
  });
  const spare = await createPartner(server.db, { rootDomain: "spare.example" });
  const rows: Record<AuthTable, Record<string, unknown>> = {
    Client: { id: partner.client.id },
    Domain: { id: partner.domain.id },
    DomainUrl: { id: url.id },
    ClientSecret: { id: partner.secretRow.id },
    SecretDomain: { secretId: partner.secretRow.id, domainId: partner.domain.id },
  };
  const spares: Record<string, string> = {
    User: spare.owner.id,
    Client: spare.client.id,
    Domain: spare.domain.id,
    ClientSecret: spare.secretRow.id,
  };
  return { clientId: partner.client.id, rows, spares };
}

/** A value of the column's type that differs from `current`. */
function another(model: AuthTable, field: Field, current: unknown, spares: Record<string, string>): unknown {
  const target = targetOf(model, field.name);
  if (target) {
    const spare = spares[target];
    if (!spare) throw new Error(`No spare ${target} row for ${model}.${field.name}: add one to scene()`);
    return spare;
  }
  if (field.kind === "enum") {
    const values = Object.values((enums as unknown as Record<string, Record<string, string>>)[field.type] ?? {});
    return values.find((value) => value !== current);
  }
  switch (field.type) {
    case "String":
      return `${current ?? ""}x`;
    case "Boolean":
      return !current;
    case "Int":
      return Number(current) + 1;
    case "DateTime":
      return new Date((current instanceof Date ? current.getTime() : Date.now()) + 86_400_000);
    default:
      throw new Error(`No other value for ${model}.${field.name} of type ${field.type}: teach another() this type`);
  }
}

describe(`test/client-auth-version (${TEST_DIALECT}): database triggers move Client.authVersion`, () => {
  it.each(columns.map(({ model, field }) => [`${model}.${field.name}`, model, field] as const))(
    "an update of %s alone moves it unless nothing decides on that column",
    async (column, model, field) => {
      const { clientId, rows, spares } = await scene();
      const where = rows[model];
      const current = (await delegate(model).findFirstOrThrow({ where }))[field.name];
      const changed = another(model, field, current, spares);
      // Client.id is where the version lives: read it under the new id, then put the old one back.
      const versionAt = model === "Client" && field.name === "id" ? String(changed) : clientId;
      const before = await version(clientId);
      const moved = { ...where, ...(field.name in where ? { [field.name]: changed } : {}) };
      expect((await delegate(model).updateMany({ where, data: { [field.name]: changed } })).count).toBe(1);
      const after = await version(versionAt);
      await delegate(model).updateMany({ where: moved, data: { [field.name]: current } });
      if (NOT_AUTH_FACTS.includes(column)) expect(after).toBe(before);
      else expect(after).toBeGreaterThan(before);
    },
  );

  it("moves on every insert and delete of a domain, a callback URL, a secret and a secret's link", async () => {
    const { clientId } = await scene();
    const moves = async (write: () => Promise<unknown>) => {
      const before = await version(clientId);
      await write();
      return (await version(clientId)) > before;
    };
    const domain = { clientId, rootDomain: "shop.example", publicId: newDomainPublicId() };
    expect(await moves(() => server.db.domain.create({ data: domain }))).toBe(true);
    const { id: domainId } = await server.db.domain.findFirstOrThrow({ where: { publicId: domain.publicId } });
    const url = { domainId, kind: "CALLBACK" as const, url: "https://shop.example/cb" };
    expect(await moves(() => server.db.domainUrl.create({ data: url }))).toBe(true);
    expect(await moves(() => server.db.domainUrl.deleteMany({ where: { domainId } }))).toBe(true);
    const secret = { clientId, secretHash: sha256(`version-${Date.now()}`), prefix: "ghs_v" };
    expect(await moves(() => server.db.clientSecret.create({ data: secret }))).toBe(true);
    const { id: secretId } = await server.db.clientSecret.findFirstOrThrow({
      where: { secretHash: secret.secretHash },
    });
    expect(await moves(() => server.db.secretDomain.create({ data: { secretId, domainId } }))).toBe(true);
    expect(await moves(() => server.db.secretDomain.deleteMany({ where: { secretId } }))).toBe(true);
    expect(await moves(() => server.db.clientSecret.delete({ where: { id: secretId } }))).toBe(true);
    expect(await moves(() => server.db.domain.delete({ where: { id: domainId } }))).toBe(true);
  });

  it("does not move when only a secret's lastUsedAt is written, however it is written", async () => {
    const { clientId, rows } = await scene();
    const before = await version(clientId);
    await server.db.clientSecret.update({
      where: { id: String(rows.ClientSecret.id) },
      data: { lastUsedAt: new Date() },
    });
    await server.db.$executeRawUnsafe(
      `UPDATE "ClientSecret" SET "lastUsedAt" = "createdAt" WHERE "clientId" = '${clientId}'`,
    );
    expect(await version(clientId)).toBe(before);
  });
});
