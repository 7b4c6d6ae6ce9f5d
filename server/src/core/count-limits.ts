import { ensureBelowLimit } from "../db/count-limit.js";
import type { Tx } from "./audit/audit.service.js";
import { ConflictError } from "./errors.js";

/** How many rows one owner may hold; each limit is checked under the owner's row lock (see ensureBelowLimit). */
export const COUNT_LIMITS = {
  secretsPerClient: 25,
  domainsPerClient: 50,
  urlsPerDomain: 50,
  membersPerClient: 500,
} as const;

/** Live secrets only: revoked ones stay for the audit trail and never block a rotation. */
export function ensureRoomForSecret(tx: Tx, clientId: string) {
  const max = COUNT_LIMITS.secretsPerClient;
  return ensureBelowLimit(
    tx,
    { table: "Client", id: clientId },
    {
      max,
      count: () => tx.clientSecret.count({ where: { clientId, revokedAt: null } }),
      refuse: () => new ConflictError(`A client can have at most ${max} live secrets. Revoke one first.`),
    },
  );
}

export function ensureRoomForDomain(tx: Tx, clientId: string) {
  const max = COUNT_LIMITS.domainsPerClient;
  return ensureBelowLimit(
    tx,
    { table: "Client", id: clientId },
    {
      max,
      count: () => tx.domain.count({ where: { clientId } }),
      refuse: () => new ConflictError(`A client can have at most ${max} domains. Delete one first.`),
    },
  );
}

export function ensureRoomForDomainUrl(tx: Tx, domainId: string) {
  const max = COUNT_LIMITS.urlsPerDomain;
  return ensureBelowLimit(
    tx,
    { table: "Domain", id: domainId },
    {
      max,
      count: () => tx.domainUrl.count({ where: { domainId } }),
      refuse: () => new ConflictError(`A domain can have at most ${max} callback and webhook URLs. Remove one first.`),
    },
  );
}

export const membersFull = () =>
  new ConflictError(`A client can have at most ${COUNT_LIMITS.membersPerClient} members. Remove one first.`);

export function ensureRoomForMember(tx: Tx, clientId: string) {
  return ensureBelowLimit(
    tx,
    { table: "Client", id: clientId },
    {
      max: COUNT_LIMITS.membersPerClient,
      count: () => tx.member.count({ where: { clientId } }),
      refuse: membersFull,
    },
  );
}
