import { i18n } from "./i18n";

// The platform's scopes (server/src/seed/catalogue.ts); a partner's own scope keeps the server's words.
const SUMMARIES = {
  userinfo: () => i18n.t("scopes.userinfo"),
  useraddresses: () => i18n.t("scopes.useraddresses"),
  providers: () => i18n.t("scopes.providers"),
} satisfies Record<string, () => string>;

/**
 * What a scope lets an app do, in the language the pages speak. The server writes it in English as
 * "<summary> (releases: <fields>)"; the field names are the API's own and stay as they are.
 */
export function scopeDescription(scope: { key: string; description: string }): string {
  const summary = SUMMARIES[scope.key as keyof typeof SUMMARIES];
  if (!summary || i18n.resolvedLanguage === "en") return scope.description;
  const fields = /\(releases: ([^)]*)\)\s*$/.exec(scope.description)?.[1];
  return fields ? i18n.t("scopes.releases", { summary: summary(), fields }) : summary();
}
