import type { Db } from "../../db/client.js";
import { randomToken } from "./crypto.js";

/**
 * The random secret called `name`: created by the first instance that asks for it, then read by every
 * instance, so a value one instance signs another can check without any configuration.
 */
export function serverSecret(db: Db, name: string): Promise<string> {
  // A server secret never changes once made, so each process reads it once per database.
  const known = remembered.get(db) ?? new Map<string, Promise<string>>();
  remembered.set(db, known);
  let secret = known.get(name);
  if (!secret) {
    secret = readOrCreate(db, name);
    known.set(name, secret);
    secret.catch(() => known.delete(name));
  }
  return secret;
}

const remembered = new WeakMap<Db, Map<string, Promise<string>>>();

async function readOrCreate(db: Db, name: string): Promise<string> {
  const existing = await db.serverSecret.findUnique({ where: { name } });
  if (existing) return existing.value;
  try {
    return (await db.serverSecret.create({ data: { name, value: randomToken(32) } })).value;
  } catch (error) {
    // Another instance created it between our read and our write: theirs wins.
    const created = await db.serverSecret.findUnique({ where: { name } });
    if (created) return created.value;
    throw error;
  }
}
