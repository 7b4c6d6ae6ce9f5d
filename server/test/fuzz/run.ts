import http from "node:http";
import net from "node:net";
import fc from "fast-check";
import type { TestServer } from "../harness.js";
import { LEAK } from "./doors.js";
import { type FuzzFixture, fuzzFixture, limitsExceeded, tableCounts } from "./fixture.js";
import { type FuzzCase, fuzzCases } from "./requests.js";

export type Tally = {
  requests: number;
  fiveXx: number;
  internal: number;
  dropped: number;
  malformed: number;
  limitsExceeded: number;
  changedOnRefusal: number;
  /** The first few failures, with the case that caused them, to reproduce. */
  failures: { problem: string; case: string }[];
};

type Answer = { status: number; type: string; text: string } | { dropped: string };

const isEnvelope = (text: string) => {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const keys = Object.keys(body).sort().join(",");
    return keys === "data,message,status" && ["success", "error"].includes(String(body.status));
  } catch {
    return false;
  }
};

/** One HTTP request through `agent`, or a fresh connection; a reset or hang-up counts as dropped. */
function send(port: number, options: http.RequestOptions, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve) => {
    const request = http.request({ host: "127.0.0.1", port, ...options }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        text += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "", text }),
      );
    });
    request.on("error", (error) => resolve({ dropped: error.message }));
    request.end(body);
  });
}

function rawRequest(port: number, text: string): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("end", () => {
      const [head = "", body = ""] = answer.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const type = /\r\ncontent-type: ([^\r]*)/i.exec(head)?.[1] ?? "";
      resolve(status ? { status, type, text: body } : { dropped: `no answer: ${JSON.stringify(answer.slice(0, 80))}` });
    });
    socket.on("error", (error) => resolve({ dropped: error.message }));
  });
}

/** Runs `runs` hostile cases from `seed` against a live server and counts every broken property. */
export async function runFuzz(server: TestServer, { runs, seed }: { runs: number; seed: number }): Promise<Tally> {
  const fixture: FuzzFixture = await fuzzFixture(server);
  const port = Number(new URL(server.baseUrl).port);
  const tally: Tally = {
    requests: 0,
    fiveXx: 0,
    internal: 0,
    dropped: 0,
    malformed: 0,
    limitsExceeded: 0,
    changedOnRefusal: 0,
    failures: [],
  };
  const fail = (field: keyof Omit<Tally, "requests" | "failures">, problem: string, which: FuzzCase) => {
    tally[field]++;
    if (tally.failures.length < 10) tally.failures.push({ problem, case: JSON.stringify(which).slice(0, 400) });
  };
  /** The properties every single answer must hold; answers whether the request was refused. */
  const check = (answer: Answer, which: FuzzCase, underApi: boolean): boolean => {
    tally.requests++;
    if ("dropped" in answer) {
      fail("dropped", answer.dropped, which);
      return true;
    }
    if (answer.status >= 500) fail("fiveXx", `${answer.status} ${answer.text.slice(0, 200)}`, which);
    if (/INTERNAL_SERVER_ERROR|Unexpected error/.test(answer.text)) fail("internal", answer.text.slice(0, 200), which);
    if (!answer.type.startsWith("application/") || (underApi && !isEnvelope(answer.text))) {
      fail("malformed", `${answer.status} ${answer.type} ${answer.text.slice(0, 200)}`, which);
    }
    const graphqlRefused = /"errors"|Error"/.test(answer.text);
    return answer.status >= 400 || (!underApi && graphqlRefused);
  };
  const partnerHeaders = {
    "x-client-id": fixture.partner.clientId,
    "x-client-secret": fixture.partner.clientSecret,
    "x-client-domain": fixture.partner.domain,
  };
  const json = { "content-type": "application/json" };

  const cases = fc.sample(
    fuzzCases(fixture.knownIds, () => fixture.person.sub, server.config.bodyLimitBytes),
    { numRuns: runs, seed },
  );
  let round = 0;
  for (const which of cases) {
    if (which.kind === "api" || which.kind === "graphql") {
      const before = await tableCounts(server);
      let answer: Answer;
      if (which.kind === "api") {
        const headers = { ...json, ...(which.credentials ? partnerHeaders : {}) };
        answer = await send(port, { method: "POST", path: `/api${which.path}`, headers }, JSON.stringify(which.body));
      } else {
        const headers: Record<string, string> = { ...json };
        if (which.caller === "owner")
          Object.assign(headers, { "x-gatehouse-csrf": "1", cookie: fixture.owner.browser.cookieHeader() });
        if (which.caller === "client") Object.assign(headers, partnerHeaders);
        const body = JSON.stringify({ query: which.request.query, variables: which.request.variables });
        answer = await send(port, { method: "POST", path: "/graphql", headers }, body);
      }
      const refused = check(answer, which, which.kind === "api");
      if (refused && JSON.stringify(await tableCounts(server)) !== JSON.stringify(before)) {
        fail(
          "changedOnRefusal",
          `rows changed by a refused request: ${"status" in answer ? answer.text.slice(0, 200) : ""}`,
          which,
        );
      }
    } else if (which.kind === "door") {
      const headers = { ...which.headers };
      if (which.signedIn)
        Object.assign(headers, { "x-gatehouse-csrf": "1", cookie: fixture.owner.browser.cookieHeader() });
      const body = which.body === null ? undefined : Buffer.from(which.body, "latin1");
      const answer = await send(port, { method: which.method, path: which.path, headers }, body);
      tally.requests++;
      if ("dropped" in answer) fail("dropped", answer.dropped, which);
      else {
        if (answer.status >= 500) fail("fiveXx", `${answer.status} ${answer.text.slice(0, 200)}`, which);
        if (LEAK.test(answer.text)) fail("internal", answer.text.slice(0, 300), which);
      }
    } else if (which.kind === "keep-alive") {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const headers = which.chunked ? json : { ...json, "content-length": String(which.oversize) };
      check(
        await send(port, { method: "POST", path: "/api/sign-token", headers, agent }, Buffer.alloc(which.oversize, 97)),
        which,
        true,
      );
      for (let i = 0; i < which.followUps; i++) {
        check(await send(port, { method: "GET", path: "/api/info", agent }), which, true);
        check(
          await send(port, { method: "POST", path: "/graphql", headers: json, agent }, '{"query":"{ __typename }"}'),
          which,
          false,
        );
      }
      agent.destroy();
    } else if (which.kind === "host") {
      const host = which.host.replace("{port}", String(port));
      const extra = which.extraHeader ? `${which.extraHeader}\r\n` : "";
      const answer = await rawRequest(
        port,
        `GET ${which.path} HTTP/1.1\r\nHost: ${host}\r\n${extra}Connection: close\r\n\r\n`,
      );
      check(answer, which, which.path.startsWith("/api"));
    } else if (which.target === "address") {
      const person = await fixture.consented();
      const creates = Array.from({ length: which.concurrent }, (_, i) => {
        const body = JSON.stringify({
          sub: person.sub,
          action: "create",
          address: { street: `Street ${i}`, city: "Delft", country: "NL" },
        });
        return send(port, { method: "POST", path: "/api/user/address", headers: { ...json, ...partnerHeaders } }, body);
      });
      for (const answer of await Promise.all(creates)) check(answer, which, true);
    } else {
      // Rounds add up on the fixture's client and domain, so later rounds run into the limit itself.
      const headers = { ...json, "x-gatehouse-csrf": "1", cookie: fixture.owner.browser.cookieHeader() };
      const { target } = which;
      const creates = Array.from({ length: which.concurrent }, (_, i) => {
        const request = limitCreate(target, fixture, `${round}-${i}`);
        return send(port, { method: "POST", path: "/graphql", headers }, JSON.stringify(request));
      });
      for (const answer of await Promise.all(creates)) check(answer, which, false);
      round++;
    }
    for (const problem of await limitsExceeded(server)) fail("limitsExceeded", problem, which);
  }
  return tally;
}

/** One GraphQL create for a client-owned count limit, unique per call so only the limit can refuse it. */
function limitCreate(target: "secret" | "domain" | "url", fixture: FuzzFixture, unique: string) {
  if (target === "secret") {
    return {
      query: "mutation S($input: CreateClientSecretInput!) { createClientSecret(input: $input) { __typename } }",
      variables: { input: { clientId: fixture.clientId, label: `Fuzz ${unique}` } },
    };
  }
  if (target === "domain") {
    return {
      query: "mutation D($input: CreateDomainInput!) { createDomain(input: $input) { __typename } }",
      variables: { input: { clientId: fixture.clientId, rootDomain: `limit-${unique}.example.org` } },
    };
  }
  return {
    query: "mutation U($input: AddDomainUrlInput!) { addDomainUrl(input: $input) { __typename } }",
    variables: {
      input: { domainId: fixture.domainId, kind: "CALLBACK", url: `https://fuzz-owner.example/cb/${unique}` },
    },
  };
}
