import type { Db } from "../db/client.js";
import { type Actor, personOf } from "./actor.js";
import { CLIENT_CREDENTIAL_PERMISSIONS, type Permission } from "./role/built-in-roles.js";
import { clientsRequiringTwoFactor, hasSecondFactor } from "./two-factor/policy.js";

/** What the caller may do within one client; null when they are not part of it. */
export type Grant = { level: number; permissions: ReadonlySet<Permission>; memberId: string | null };

type Batch = Map<string, { resolve: (grant: Grant | null) => void; reject: (error: unknown) => void }>;

/**
 * Answers "may the caller do X in client C" once per client per request. Expired members, expired
 * roles and disabled roles grant nothing.
 */
export class Access {
  private readonly grants = new Map<string, Promise<Grant | null>>();
  /** Clients whose membership this caller holds but may not use until they add a second factor. */
  readonly lackingSecondFactor = new Set<string>();
  private batch: Batch | null = null;
  private staff: Promise<boolean> | null = null;

  constructor(
    private readonly db: Db,
    readonly actor: Actor,
  ) {}

  /** Grants asked for in the same tick (e.g. one per client in a list) load in one query. */
  grant(clientId: string): Promise<Grant | null> {
    let grant = this.grants.get(clientId);
    if (!grant) {
      grant = this.enqueue(clientId);
      this.grants.set(clientId, grant);
    }
    return grant;
  }

  async isMember(clientId: string): Promise<boolean> {
    return (await this.grant(clientId)) !== null;
  }

  async can(clientId: string, permission: Permission): Promise<boolean> {
    return (await this.grant(clientId))?.permissions.has(permission) ?? false;
  }

  /**
   * Whether the caller may use platform staff powers: a STAFF or ADMIN person who has a second factor in
   * force. Every sign-in of an account with a factor must pass it, so this also means the session did
   * (see README, "Platform staff always need a second factor"). Checked once per request.
   */
  staffPowers(): Promise<boolean> {
    if (!this.staff) {
      const person = personOf(this.actor);
      const staffRole = person?.platformRole === "STAFF" || person?.platformRole === "ADMIN";
      this.staff = person && staffRole ? hasSecondFactor(this.db, person.id) : Promise.resolve(false);
    }
    return this.staff;
  }

  /** Forget cached grants, e.g. after the caller's own membership changed. */
  reset(): void {
    this.grants.clear();
  }

  private enqueue(clientId: string): Promise<Grant | null> {
    const { actor } = this;
    if (actor.kind === "anonymous" || actor.kind === "system") return Promise.resolve(null);
    if (actor.kind === "client") {
      return Promise.resolve(
        actor.clientId === clientId
          ? { level: 0, permissions: new Set(CLIENT_CREDENTIAL_PERMISSIONS), memberId: null }
          : null,
      );
    }
    if (!this.batch) {
      const batch: Batch = new Map();
      this.batch = batch;
      const userId = actor.user.id;
      setImmediate(() => {
        this.batch = null;
        this.loadMembers(userId, [...batch.keys()]).then(
          (grants) => {
            for (const [id, waiting] of batch) waiting.resolve(grants.get(id) ?? null);
          },
          (error: unknown) => {
            for (const [id, waiting] of batch) {
              this.grants.delete(id);
              waiting.reject(error);
            }
          },
        );
      });
    }
    const batch = this.batch;
    return new Promise<Grant | null>((resolve, reject) => batch.set(clientId, { resolve, reject }));
  }

  private async loadMembers(userId: string, clientIds: string[]): Promise<Map<string, Grant>> {
    const members = await this.db.member.findMany({
      where: { userId, clientId: { in: clientIds } },
      include: { role: { include: { permissions: true } } },
    });
    const now = Date.now();
    const grants = new Map<string, Grant>();
    // A client that wants its members to use 2FA grants nothing to a member without a second factor.
    const strict = await clientsRequiringTwoFactor(
      this.db,
      members.map((member) => member.clientId),
    );
    if (strict.size > 0 && !(await hasSecondFactor(this.db, userId))) {
      for (const clientId of strict) this.lackingSecondFactor.add(clientId);
    }
    for (const member of members) {
      const { role } = member;
      if (member.expiresAt && member.expiresAt.getTime() <= now) continue;
      if (role.status !== "ACTIVE" || (role.expiresAt && role.expiresAt.getTime() <= now)) continue;
      if (this.lackingSecondFactor.has(member.clientId)) continue;
      grants.set(member.clientId, {
        level: role.level,
        permissions: new Set(role.permissions.map((entry) => entry.permission as Permission)),
        memberId: member.id,
      });
    }
    return grants;
  }
}
