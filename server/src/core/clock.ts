/** The time the rules go by. Injected, so tests can move it (a secret's grace period) without waiting. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

let lastMs = 0;
let lastIso = "";

/** The system time as ISO 8601 text, formatted once per millisecond however often it is asked for (log lines, /api/info). */
export function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}
