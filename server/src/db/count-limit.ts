import type { Db } from "./client.js";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Rows that own counted children: a person's addresses, a client's secrets, domains and members, a domain's URLs. */
export type LimitOwner = { table: "User" | "Client" | "Domain"; id: string };

/**
 * Takes the owner's row lock for the rest of the transaction with a no-op update: a row lock on
 * PostgreSQL (like SELECT … FOR UPDATE) and the write lock on SQLite, on both dialects with one statement.
 */
async function lockOwner(tx: Tx, { table, id }: LimitOwner): Promise<void> {
  if (table === "User") await tx.$executeRaw`UPDATE "User" SET "id" = "id" WHERE "id" = ${id}`;
  else if (table === "Client") await tx.$executeRaw`UPDATE "Client" SET "id" = "id" WHERE "id" = ${id}`;
  else await tx.$executeRaw`UPDATE "Domain" SET "id" = "id" WHERE "id" = ${id}`;
}

/**
 * Count limits hold under concurrency: inside the transaction that inserts, lock the owner, then
 * count. Two concurrent creates for one owner run one after the other, so the second sees the first.
 */
export async function ensureBelowLimit(
  tx: Tx,
  owner: LimitOwner,
  limit: { max: number; count: () => Promise<number>; refuse: () => Error },
): Promise<void> {
  await lockOwner(tx, owner);
  if ((await limit.count()) >= limit.max) throw limit.refuse();
}
