import { newSub } from "../src/core/auth/crypto.js";
import { hashPassword } from "../src/core/auth/password.js";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import { newClientSecret } from "../src/core/secret/secret-value.js";
import type { Db } from "../src/db/client.js";
import type { Prisma } from "../src/generated/prisma/client.js";

type PartnerOptions = {
  rootDomain?: string;
  domain?: Partial<Prisma.DomainUncheckedCreateInput>;
  secret?: { expiresAt?: Date; revokedAt?: Date; linked?: boolean };
  scopes?: string[];
  verified?: boolean;
};

let counter = 0;

/** A partner set up directly in the database: owner, client, one domain, one secret. */
export async function createPartner(db: Db, options: PartnerOptions = {}) {
  const n = ++counter;
  const owner = await db.user.create({
    data: {
      email: `owner${n}-${Date.now()}@partner.example`,
      name: `Owner ${n}`,
      sub: newSub(),
      passwordHash: await hashPassword("owner password 123"),
      plan: "PAID",
    },
  });
  const client = await db.client.create({
    data: { name: `Partner ${n}`, ownerId: owner.id, verification: options.verified ? "VERIFIED" : "UNVERIFIED" },
  });
  const rootDomain = options.rootDomain ?? "example.com";
  const domain = await db.domain.create({
    data: {
      clientId: client.id,
      rootDomain,
      publicId: newDomainPublicId(),
      allowLogin: true,
      allowApi: true,
      // An established partner's domain, proven before the test (ownership proof is tested on its own).
      ownershipVerified: true,
      ...options.domain,
    },
  });
  const scopes = await db.scope.findMany({ where: { key: { in: options.scopes ?? ["userinfo"] } } });
  await db.clientScope.createMany({ data: scopes.map((scope) => ({ clientId: client.id, scopeId: scope.id })) });
  const secret = newClientSecret();
  const secretRow = await db.clientSecret.create({
    data: {
      clientId: client.id,
      secretHash: secret.secretHash,
      prefix: secret.prefix,
      expiresAt: options.secret?.expiresAt ?? null,
      revokedAt: options.secret?.revokedAt ?? null,
      ...(options.secret?.linked === false ? {} : { domainLinks: { create: [{ domainId: domain.id }] } }),
    },
  });
  return {
    owner,
    client,
    domain,
    secretRow,
    credentials: { clientId: client.id, clientSecret: secret.value, domain: rootDomain },
  };
}
