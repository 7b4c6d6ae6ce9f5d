import type { Db } from "../db.js";
import type { User } from "../generated/prisma/client.js";
import { CLIENT_CREDENTIAL_PERMISSIONS, type Permission } from "../modules/role/built-in-roles.js";

/** Who is calling /graphql. */
export type Caller =
  | { kind: "anonymous" }
  | { kind: "session"; user: User; sessionId: string }
  | { kind: "apiToken"; user: User; tokenId: string }
  | { kind: "client"; clientId: string; domainId: string };

/** What the caller may do within one client; null when they are not part of it. */
export type Grant = { level: number; permissions: ReadonlySet<Permission>; memberId: string | null };

/**
 * Answers "may the caller do X in client C" once per client per request. Expired members, expired
 * roles and disabled roles grant nothing.
 */
export class Access {
  private readonly grants = new Map<string, Promise<Grant | null>>();

  constructor(
    private readonly db: Db,
    readonly caller: Caller,
  ) {}

  grant(clientId: string): Promise<Grant | null> {
    let grant = this.grants.get(clientId);
    if (!grant) {
      grant = this.load(clientId);
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

  /** Forget cached grants, e.g. after the caller's own membership changed. */
  reset(): void {
    this.grants.clear();
  }

  private async load(clientId: string): Promise<Grant | null> {
    const { caller } = this;
    if (caller.kind === "anonymous") return null;
    if (caller.kind === "client") {
      return caller.clientId === clientId
        ? { level: 0, permissions: new Set(CLIENT_CREDENTIAL_PERMISSIONS), memberId: null }
        : null;
    }
    const member = await this.db.member.findUnique({
      where: { clientId_userId: { clientId, userId: caller.user.id } },
      include: { role: { include: { permissions: true } } },
    });
    const now = Date.now();
    if (!member || (member.expiresAt && member.expiresAt.getTime() <= now)) return null;
    const { role } = member;
    if (role.status !== "ACTIVE" || (role.expiresAt && role.expiresAt.getTime() <= now)) return null;
    return {
      level: role.level,
      permissions: new Set(role.permissions.map((entry) => entry.permission as Permission)),
      memberId: member.id,
    };
  }
}
