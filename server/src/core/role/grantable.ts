/** What someone holds in a client, or what a role would hand out. */
export type Authority = { level: number; permissions: Iterable<string> };

/**
 * Why `granter` may not hand out (or edit) `role`, or null when they may: nobody goes above their
 * own level or hands out a permission they do not hold themselves.
 */
export function grantRefusal(granter: Authority, role: Authority): string | null {
  if (role.level > granter.level) return `You cannot manage a role above your own level (${granter.level}).`;
  const held = new Set(granter.permissions);
  const missing = [...new Set(role.permissions)].filter((permission) => !held.has(permission)).sort();
  if (missing.length > 0) return `You cannot grant permissions you do not hold: ${missing.join(", ")}.`;
  return null;
}
