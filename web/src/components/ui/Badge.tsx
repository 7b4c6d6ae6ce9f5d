import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info";

/** A short status word (active, expired, VERIFIED…); colour is never the only signal, the text says it. */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children?: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
