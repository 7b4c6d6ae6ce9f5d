import type { IncomingMessage } from "node:http";

/**
 * A header of Node's request as Hono's Headers reads it: repeated headers joined with ", " (Node keeps only
 * the first of some, e.g. User-Agent, so its parsed `headers` cannot be used as is). For the fast paths.
 */
export function headerOf(incoming: IncomingMessage, name: string): string | undefined {
  const raw = incoming.rawHeaders;
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i] as string;
    if (key.length === name.length && key.toLowerCase() === name) {
      value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`;
    }
  }
  return value;
}
