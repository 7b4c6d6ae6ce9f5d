import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { DemoCredentials } from "./env";

export type PartnerApp = {
  /** Where Gatehouse sends the browser back to, on the demo domain (`localhost`). */
  callbackUrl: string;
  close: () => Promise<void>;
};

type Envelope<T> = { status: "success" | "error"; message?: string; data?: T };
type VerifiedUser = { sub: string; email: string | null; name: string | null };

/**
 * A minimal partner back end, written the way an XWMS SDK user would: its /callback handler exchanges the token
 * with POST /api/sign-token-verify using the client's credentials and shows who signed in.
 */
export async function startPartnerApp(demo: DemoCredentials): Promise<PartnerApp> {
  const server = createServer((request, response) => {
    handle(demo, request, response).catch((error: unknown) => {
      render(response, 500, "Partner app error", `<p id="error">${escapeHtml(String(error))}</p>`);
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;

  return {
    callbackUrl: `http://localhost:${port}/callback`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

async function handle(demo: DemoCredentials, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname !== "/callback") return render(response, 404, "Not found", "<p>Partner app: unknown page.</p>");

  const token = url.searchParams.get("token");
  if (!token) {
    const message = url.searchParams.get("xwmsmessage_message") ?? "No token in the callback URL.";
    return render(response, 400, "Sign-in failed", `<p id="error">${escapeHtml(message)}</p>`);
  }

  const verify = await fetch(apiEndpoint(demo.apiUrl, "sign-token-verify"), {
    method: "POST",
    headers: { ...clientHeaders(demo), "Content-Type": "application/json" },
    body: JSON.stringify({ token }),
  });
  const envelope = (await verify.json()) as Envelope<VerifiedUser>;
  if (!verify.ok || envelope.status !== "success" || !envelope.data) {
    const message = envelope.message ?? `sign-token-verify answered ${verify.status}`;
    return render(response, 502, "Sign-in failed", `<p id="error">${escapeHtml(message)}</p>`);
  }

  const user = envelope.data;
  return render(
    response,
    200,
    "Signed in to the partner app",
    `<dl>
      <dt>sub</dt><dd id="sub">${escapeHtml(String(user.sub))}</dd>
      <dt>email</dt><dd id="email">${escapeHtml(user.email ?? "")}</dd>
      <dt>name</dt><dd id="name">${escapeHtml(user.name ?? "")}</dd>
    </dl>`,
  );
}

export function clientHeaders(demo: DemoCredentials): Record<string, string> {
  return { "X-Client-Id": demo.clientId, "X-Client-Secret": demo.clientSecret, "X-Client-Domain": demo.domain };
}

export function apiEndpoint(apiUrl: string, path: string): string {
  return new URL(path, apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`).toString();
}

function render(response: ServerResponse, status: number, title: string, body: string) {
  response.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
  response.end(`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
  <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}dt{font-weight:600}dd{margin:0 0 .75rem;font-family:monospace}</style>
  </head>
  <body><p>Acme partner app</p><h1>${escapeHtml(title)}</h1>${body}</body>
</html>`);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
