import {
  checkDomainOwnership,
  domainsAwaitingOwnership,
  type OwnershipCheck,
  verifyDomainOwnershipByStaff,
} from "../../core/domain/ownership.service.js";
import { TXT_PREFIX, WELL_KNOWN_PATH } from "../../core/domain/ownership-proof.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import type { Domain } from "../../generated/prisma/client.js";
import { builder } from "../builder.js";
import { DomainType } from "./domain.js";

const OwnershipMethod = builder.enumType("DomainOwnershipMethod", { values: ["DNS", "HTTPS", "STAFF"] as const });

const ProofOutcome = builder.enumType("DomainProofOutcome", {
  values: ["VERIFIED", "NOT_FOUND", "WRONG_VALUE", "TIMEOUT", "UNREACHABLE", "ADDRESS_NOT_ALLOWED"] as const,
});

type Proof = { token: string; rootDomain: string };

/** How to prove an unverified domain: the exact TXT record and file the checks look for. */
const OwnershipProof = builder.objectRef<Proof>("DomainOwnershipProof").implement({
  fields: (t) => ({
    token: t.exposeString("token"),
    txtName: t.string({
      description: "Where the TXT record goes: the root domain itself.",
      resolve: (p) => p.rootDomain,
    }),
    txtValue: t.string({ resolve: (p) => `${TXT_PREFIX}${p.token}` }),
    fileUrl: t.string({ resolve: (p) => `https://${p.rootDomain}${WELL_KNOWN_PATH}` }),
    fileContent: t.string({ resolve: (p) => p.token }),
  }),
});

builder.prismaObjectFields("Domain", (t) => ({
  ownershipVerified: t.exposeBoolean("ownershipVerified", {
    description: "Ownership proven or confirmed by staff; until then only the client's team and test users sign in.",
  }),
  ownershipMethod: t.field({
    type: OwnershipMethod,
    nullable: true,
    description:
      "How it was verified; null when unverified, or verified without a proof (older domains, the demo seed).",
    resolve: (domain) => (domain.ownershipMethod as "DNS" | "HTTPS" | "STAFF" | null) ?? null,
  }),
  ownershipVerifiedAt: t.expose("ownershipVerifiedAt", { type: "DateTime", nullable: true }),
  ownershipProof: t.field({
    type: OwnershipProof,
    nullable: true,
    description: "The TXT record or file that proves this domain; null once verified.",
    resolve: (domain) =>
      !domain.ownershipVerified && domain.ownershipToken
        ? { token: domain.ownershipToken, rootDomain: domain.rootDomain }
        : null,
  }),
}));

const OwnershipCheckType = builder.objectRef<OwnershipCheck>("DomainOwnershipCheck").implement({
  fields: (t) => ({
    domain: t.field({ type: DomainType, resolve: (check) => check.domain }),
    dns: t.field({ type: ProofOutcome, nullable: true, resolve: (check) => check.dns }),
    https: t.field({ type: ProofOutcome, nullable: true, resolve: (check) => check.https }),
  }),
});

builder.mutationField("checkDomainOwnership", (t) =>
  t.field({
    type: OwnershipCheckType,
    description: "Looks for the TXT record and the HTTPS file now; either one verifies the domain.",
    args: {
      input: t.arg({
        type: builder.inputType("CheckDomainOwnershipInput", { fields: (f) => ({ domainId: f.id() }) }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    resolve: (_root, { input }, ctx) => checkDomainOwnership({ ctx, domainId: String(input.domainId) }),
  }),
);

type AwaitingDomain = Domain & { client: { name: string } };

/** What staff see of an unverified domain: enough to judge it, nothing of the client's settings. */
const AwaitingDomainType = builder
  .objectRef<Domain & { client?: { name: string } }>("DomainAwaitingOwnership")
  .implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      rootDomain: t.exposeString("rootDomain"),
      clientId: t.exposeID("clientId"),
      clientName: t.string({ nullable: true, resolve: (domain) => domain.client?.name ?? null }),
      ownershipVerified: t.exposeBoolean("ownershipVerified"),
      createdAt: t.expose("createdAt", { type: "DateTime" }),
    }),
  });

builder.queryField("domainsAwaitingOwnership", (t) =>
  t.field({
    type: [AwaitingDomainType],
    authScopes: { staff: true },
    description: "Platform staff only: domains whose ownership is not verified yet, newest first.",
    resolve: (_root, _args, ctx): Promise<AwaitingDomain[]> => domainsAwaitingOwnership({ ctx }),
  }),
);

builder.mutationField("verifyDomainOwnership", (t) =>
  t.field({
    type: AwaitingDomainType,
    description: "Platform staff only: marks a domain verified without its proof (an internal host); audited.",
    args: {
      input: t.arg({
        type: builder.inputType("VerifyDomainOwnershipInput", {
          fields: (f) => ({ domainId: f.id(), note: f.string({ required: false }) }),
        }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError, ValidationError] },
    resolve: (_root, { input }, ctx) =>
      verifyDomainOwnershipByStaff({ ctx, domainId: String(input.domainId), note: input.note }),
  }),
);
