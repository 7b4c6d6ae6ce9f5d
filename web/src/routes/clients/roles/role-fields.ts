import { type FragmentOf, graphql } from "../../../lib/graphql";

export const RoleFields = graphql(`
  fragment RoleFields on Role {
    id
    name
    key
    description
    level
    group
    permissions
    expiresAt
    status
    builtIn
  }
`);

export type Role = FragmentOf<typeof RoleFields>;

/** A role key from its name: lowercase letters, digits and hyphens. */
export function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50);
}
