import { type FragmentOf, graphql } from "../../../lib/graphql";

export const RoleOptionFields = graphql(`
  fragment RoleOptionFields on Role {
    id
    name
    key
    level
    status
  }
`);

export const MemberFields = graphql(
  `
    fragment MemberFields on Member {
      id
      createdAt
      expiresAt
      role {
        ...RoleOptionFields
      }
      user {
        name
        email
      }
    }
  `,
  [RoleOptionFields],
);

export type RoleOption = FragmentOf<typeof RoleOptionFields>;
export type Member = FragmentOf<typeof MemberFields>;

/** The roles a member may be given, highest first; those above the viewer's level or disabled are greyed out. */
export function RoleOptions({ roles, myLevel }: { roles: readonly RoleOption[]; myLevel: number }) {
  return (
    <>
      {[...roles]
        .sort((a, b) => b.level - a.level)
        .map((role) => {
          const blocked = role.level > myLevel ? "above your level" : role.status === "DISABLED" ? "disabled" : null;
          return (
            <option key={role.id} value={role.id} disabled={!!blocked}>
              {role.name} (level {role.level}){blocked ? ` — ${blocked}` : ""}
            </option>
          );
        })}
    </>
  );
}
