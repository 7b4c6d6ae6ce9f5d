import { MAIL_LANGUAGES, type MailLanguage } from "../../mail/messages/index.js";

/**
 * The language Gatehouse writes in that an `Accept-Language` header ranks highest ("nl-BE;q=0.9" counts
 * as Dutch); null when it names none of them. Ties keep the header's order.
 */
export function languageFromAcceptLanguage(header: string | undefined | null): MailLanguage | null {
  if (!header) return null;
  let best: { language: MailLanguage; q: number } | null = null;
  for (const part of header.slice(0, 1000).split(",")) {
    const [range = "", ...params] = part.trim().split(";");
    const primary = range.trim().toLowerCase().split("-")[0] ?? "";
    const language = MAIL_LANGUAGES.find((known) => known === primary);
    if (!language) continue;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? null;
}
