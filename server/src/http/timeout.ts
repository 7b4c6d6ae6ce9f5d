import type { Context, MiddlewareHandler } from "hono";

/**
 * Answers with `onTimeout` when the request (slow body included) is not done within `ms`.
 * The abandoned handler may still run to its end; its result is dropped.
 */
export function requestTimeout(ms: number, onTimeout: (c: Context) => Response): MiddlewareHandler {
  return async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), ms);
    });
    const handled = next().then(() => "done" as const);
    try {
      if ((await Promise.race([handled, timedOut])) === "timeout") {
        handled.catch(() => {}); // its failure no longer has anyone to answer
        return onTimeout(c);
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
