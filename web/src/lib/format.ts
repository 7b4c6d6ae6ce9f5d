import { formattingLocale } from "../i18n/i18n";

// Intl formatters are costly to build: one per locale and style, made when first needed.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(style: "date" | "dateTime"): Intl.DateTimeFormat {
  const locale = formattingLocale();
  const key = `${style}:${locale}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      style === "date" ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" },
    );
    formatters.set(key, format);
  }
  return format;
}

/** A day as people read it, in the language the pages speak; "—" when there is none. */
export function formatDate(value: string | null | undefined): string {
  return value ? dateFormat("date").format(new Date(value)) : "—";
}

/** A moment as people read it, in the language the pages speak; "—" when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dateFormat("dateTime").format(new Date(value)) : "—";
}

/** A count or amount as people read it in the language the pages speak: 1,234 or 1.234. */
export function formatNumber(value: number): string {
  const locale = formattingLocale();
  const key = `number:${locale}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale);
    formatters.set(key, format);
  }
  return format.format(value);
}

/** How long ago or until, e.g. "in 3 days" or "over 3 dagen". */
export function formatRelativeDays(days: number): string {
  return new Intl.RelativeTimeFormat(formattingLocale(), { numeric: "auto" }).format(days, "day");
}

/** `<input type="date">` value (local day) → end of that day in UTC as an ISO DateTime. */
export function endOfDayIso(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

/** Today (plus an offset) as an `<input type="date">` value, in local time. */
export function todayInput(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

/** `<input type="date">` value → the end of that day, as ISO; empty → null. */
export function dateInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(`${value}T23:59:59`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** ISO date-time → `<input type="date">` value in local time. */
export function isoToDateInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isPast(iso: string | null | undefined): boolean {
  return !!iso && new Date(iso).getTime() < Date.now();
}
