import type { KoaContextWithOIDC } from "oidc-provider";

/**
 * The few pages the OpenID Connect engine renders itself (an error it cannot send back to the app, the
 * RP-initiated logout question and its confirmation) in Gatehouse's own look: no web fonts or other
 * third-party requests, light and dark themes, readable at 390 px. Everything interpolated is escaped.
 */

const escapeHtml = (value: unknown): string =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );

const STYLE = `:root{color-scheme:light dark;--bg:light-dark(#f4f5f9,#0f1117);--surface:light-dark(#fff,#171a23);
--text:light-dark(#171a26,#e9ebf2);--muted:light-dark(#596074,#a4abbd);--border:light-dark(#dcdfe8,#2d3241);
--primary:light-dark(#3346d3,#4453d6);--focus:light-dark(#3346d3,#9aa6ff)}
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);
color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;padding:24px}
main{width:100%;max-width:420px;background:var(--surface);border:1px solid var(--border);border-radius:10px;
padding:32px}h1{font-size:1.375rem;margin:0 0 8px}p{margin:0 0 16px;color:var(--muted)}
.brand{font-weight:700;margin:0 0 24px;color:var(--text)}code{font-size:.875rem;word-break:break-word}
.actions{display:flex;flex-wrap:wrap;gap:12px;margin-top:24px}
button,a.button{font:inherit;font-weight:600;border-radius:6px;padding:10px 16px;cursor:pointer;text-decoration:none;
border:1px solid var(--border);background:var(--surface);color:var(--text)}
button.primary{background:var(--primary);border-color:var(--primary);color:#fff}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Gatehouse</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">Gatehouse</p>
${body}
</main>
</body>
</html>`;
}

const appName = (ctx: KoaContextWithOIDC): string | null => {
  const client = ctx.oidc?.client;
  return client ? String(client.clientName ?? client.clientId) : null;
};

/** An error the engine cannot return to the app (an unknown client, a redirect URI it does not accept). */
export async function renderError(
  ctx: KoaContextWithOIDC,
  out: { error?: string; error_description?: string },
): Promise<void> {
  ctx.type = "html";
  ctx.body = page(
    "This sign-in cannot continue",
    `<h1>This sign-in cannot continue</h1>
<p>The app sent Gatehouse a request it cannot accept, so you were not sent back to it. Go back to the app and try again; if it keeps happening, tell the app's support what is shown below.</p>
<p><code>${escapeHtml(out.error ?? "invalid_request")}</code>${
      out.error_description ? `: ${escapeHtml(out.error_description)}` : ""
    }</p>
<div class="actions"><a class="button" href="/">Go to your Gatehouse account</a></div>`,
  );
}

/** RP-initiated logout: asks before ending the Gatehouse session; `form` is the engine's hidden form. */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const app = appName(ctx);
  ctx.type = "html";
  ctx.body = page(
    "Sign out",
    `<h1>Sign out of Gatehouse?</h1>
<p>${app ? `${escapeHtml(app)} asks to sign you out.` : "An app asks to sign you out."} Signing out ends the session apps use to sign you in with Gatehouse in this browser, and tells the apps that asked to be told.</p>
${form}
<div class="actions">
<button class="primary" autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button>
<button type="submit" form="op.logoutForm">Stay signed in</button>
</div>`,
  );
}

/** Shown after a logout when the app gave no address to return to. */
export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  const app = appName(ctx);
  ctx.type = "html";
  ctx.body = page(
    "Signed out",
    `<h1>You are signed out</h1>
<p>${app ? `You signed out of ${escapeHtml(app)} and Gatehouse.` : "You signed out of Gatehouse."} You can close this page.</p>
<div class="actions"><a class="button" href="/signin">Sign in again</a></div>`,
  );
}
