import { isIP } from "node:net";

/** The addresses of a domain's allowlist (comma- or space-separated); none means every address may call. */
export function allowlistEntries(serverIp: string | null | undefined): string[] {
  return (serverIp ?? "")
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Entries that are not an IPv4 or IPv6 address, which the domain form refuses. */
export function invalidAllowlistEntries(entries: readonly string[]): string[] {
  return entries.filter((entry) => isIP(entry) === 0);
}

/** Whether a caller at `callerIp` may use the domain's credentials; an unknown caller IP never passes a list. */
export function ipAllowed(serverIp: string | null | undefined, callerIp: string | undefined): boolean {
  const entries = allowlistEntries(serverIp);
  return entries.length === 0 || (callerIp !== undefined && entries.includes(callerIp));
}
