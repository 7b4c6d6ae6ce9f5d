import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import dns2 from "dns2";

const { Packet } = dns2;

/** The self-signed certificate of the test's HTTPS site (names *.proof.test); trusted via DOMAIN_PROOF_CA_FILE. */
export const PROOF_CA_FILE = path.join(import.meta.dirname, "proof-tls/cert.pem");

export type Zone = {
  /** TXT records by name. */
  txt: Map<string, string[]>;
  /** A records by name. */
  a: Map<string, string>;
  /** Names the server never answers (a resolver times out). */
  silent: Set<string>;
};

/** A real DNS server on 127.0.0.1 (UDP, random port) answering from `zone`; NXDOMAIN for unknown names. */
export async function startDnsServer(zone: Zone) {
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      // dns2's Resource type also names its encoder; plain records are what its README pushes.
      const answer = (record: object) => response.answers.push(record as (typeof response.answers)[number]);
      const [question] = request.questions;
      const name = (question?.name ?? "").toLowerCase();
      if (zone.silent.has(name)) return;
      const known = zone.txt.has(name) || zone.a.has(name);
      if (!known) {
        response.header.rcode = Packet.RCODE.NXDOMAIN;
        return send(response);
      }
      if (question?.type === Packet.TYPE.TXT) {
        for (const data of zone.txt.get(name) ?? []) {
          answer({ name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 1, data });
        }
      }
      const address = zone.a.get(name);
      if (question?.type === Packet.TYPE.A && address) {
        answer({ name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 1, address });
      }
      send(response);
    },
  });
  await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  const { port } = server.addresses().udp as AddressInfo;
  return { server: `127.0.0.1:${port}`, close: () => server.close() };
}

export type Site = { status: number; body: string; location?: string };

/** An HTTPS server on 127.0.0.1 answering the well-known proof file per Host, from `sites`. */
export async function startHttpsSite(sites: Map<string, Site>) {
  const dir = path.join(import.meta.dirname, "proof-tls");
  const server: Server = createServer(
    { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) },
    (request, response) => {
      const host = (request.headers.host ?? "").split(":")[0] ?? "";
      const site = sites.get(host);
      if (!site || request.url !== "/.well-known/gatehouse-verification.txt") {
        response.writeHead(404).end("not here");
        return;
      }
      response.writeHead(site.status, site.location ? { location: site.location } : {}).end(site.body);
    },
  );
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
