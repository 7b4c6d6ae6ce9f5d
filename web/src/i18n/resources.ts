import type account from "../locales/en/account.json";
import type auth from "../locales/en/auth.json";
import type authorize from "../locales/en/authorize.json";
import type clients from "../locales/en/clients.json";
import type common from "../locales/en/common.json";
import type docs from "../locales/en/docs.json";
import type invitation from "../locales/en/invitation.json";
import type staff from "../locales/en/staff.json";
import type team from "../locales/en/team.json";
import type { Language } from "./languages";

/**
 * Every catalogue, found by path: `locales/<language>/<namespace>.json`. Adding a file is enough for it to load;
 * list an English namespace in `Catalogues` below to type its keys.
 */
const files = import.meta.glob<Record<string, unknown>>("../locales/*/*.json", { eager: true, import: "default" });

export type Catalogue = { [key: string]: string | Catalogue };

/** language → namespace → catalogue, read from the files above. */
export const resources: Record<string, Record<string, Catalogue>> = {};
for (const [path, catalogue] of Object.entries(files)) {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match?.[1] || !match[2]) continue;
  resources[match[1]] ??= {};
  (resources[match[1]] as Record<string, Catalogue>)[match[2]] = catalogue as Catalogue;
}

export const NAMESPACES = [...new Set(Object.values(resources).flatMap((byNamespace) => Object.keys(byNamespace)))];

/** The English catalogues give `t()` its typed keys; the other languages must have the same keys (a test checks). */
export type Catalogues = {
  common: typeof common;
  auth: typeof auth;
  authorize: typeof authorize;
  account: typeof account;
  invitation: typeof invitation;
  clients: typeof clients;
  staff: typeof staff;
  docs: typeof docs;
  team: typeof team;
};

export type { Language };
