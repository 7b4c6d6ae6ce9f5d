/** A browser over real HTTP across Gatehouse and the local provider: one cookie jar per host, redirects by hand. */
export class TwoSiteBrowser {
  private jars = new Map<string, Map<string, string>>();

  constructor(readonly gatehouse: string) {}

  private jar(url: URL) {
    const jar = this.jars.get(url.host) ?? new Map<string, string>();
    this.jars.set(url.host, jar);
    return jar;
  }

  cookie(url: string | URL, name: string): string | undefined {
    return this.jar(new URL(url)).get(name);
  }

  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string>; body?: string } = {},
  ) {
    const target = new URL(url, this.gatehouse);
    const jar = this.jar(target);
    const headers: Record<string, string> = {
      cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
      ...init.headers,
    };
    let body = init.body;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, { method: init.method ?? "GET", headers, body, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === "" || /max-age=0|expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  async graphql(query: string, variables: Record<string, unknown> = {}) {
    const response = await this.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-gatehouse-csrf": "1" },
      body: JSON.stringify({ query, variables }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and assert every value they use.
    return (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
  }
}

export type UpstreamTrip = {
  /** Where Gatehouse's callback sent the browser (relative), or null when the trip stopped earlier. */
  landing: string | null;
  callbackStatus: number | null;
};

/**
 * Signs in at the local provider as `login`, starting from Gatehouse's start URL, through the
 * provider's login and consent pages, up to Gatehouse's answer to the callback. `tamperAuthorization`
 * and `tamperCallback` let a test change a URL on the way, as an attacker in the middle would.
 */
export async function upstreamTrip(
  browser: TwoSiteBrowser,
  startPath: string,
  login: string,
  options: { tamperAuthorization?: (url: URL) => URL; tamperCallback?: (url: URL) => URL } = {},
): Promise<UpstreamTrip> {
  let response = await browser.request(startPath);
  let location = response.headers.get("location");
  if (!location) throw new Error(`start answered ${response.status} without a redirect`);
  let next = new URL(location, browser.gatehouse);
  if (next.origin === new URL(browser.gatehouse).origin) return { landing: location, callbackStatus: null };
  if (options.tamperAuthorization) next = options.tamperAuthorization(next);
  for (let hop = 0; hop < 20; hop++) {
    const isCallback = next.origin === new URL(browser.gatehouse).origin;
    if (isCallback && options.tamperCallback) next = options.tamperCallback(next);
    response = await browser.request(next);
    if (isCallback) return { landing: response.headers.get("location"), callbackStatus: response.status };
    location = response.headers.get("location");
    if (location) {
      next = new URL(location, next);
      continue;
    }
    const html = await response.text();
    const prompt = /name="prompt" value="(login|consent)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`unexpected provider page (${response.status}): ${html.slice(0, 300)}`);
    const form: Record<string, string> = prompt === "login" ? { prompt, login, password: "any" } : { prompt };
    response = await browser.request(new URL(action, next), { method: "POST", form });
    location = response.headers.get("location");
    if (!location) throw new Error(`provider form answered ${response.status}`);
    next = new URL(location, next);
  }
  throw new Error("too many redirects");
}
