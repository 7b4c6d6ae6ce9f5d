import { Resolver } from "node:dns/promises";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { rootCertificates } from "node:tls";
import type { Config } from "../../config.js";
import { digestsEqual, sha256 } from "../auth/crypto.js";
import { randomText } from "../auth/random.js";
import { checkedLookup, type Lookup } from "../webhook/webhook-destination.js";

/** What one proof method found; the dashboard shows it next to "Check now". */
export type ProofOutcome = "VERIFIED" | "NOT_FOUND" | "WRONG_VALUE" | "TIMEOUT" | "UNREACHABLE" | "ADDRESS_NOT_ALLOWED";

export type ProofSettings = Pick<
  Config,
  "dnsServers" | "domainProofTimeoutMs" | "domainProofAllowPrivate" | "domainProofHttpsPort" | "domainProofCaFile"
>;

/** The TXT record at the root domain: `gatehouse-verification=<token>`. */
export const TXT_PREFIX = "gatehouse-verification=";
export const WELL_KNOWN_PATH = "/.well-known/gatehouse-verification.txt";
/** The file holds one short token; anything longer is not our file. */
const MAX_FILE_BYTES = 4096;

/** A fresh per-domain proof value; public once published, so it opens nothing by itself. */
export const newOwnershipToken = () => randomText(16, "hex");

const sameToken = (found: string, token: string) => digestsEqual(sha256(found), sha256(token));

function resolverFor(settings: ProofSettings): Resolver {
  const resolver = new Resolver({ timeout: settings.domainProofTimeoutMs, tries: 1 });
  if (settings.dnsServers.length > 0) resolver.setServers(settings.dnsServers);
  return resolver;
}

function outcomeOfDnsError(error: unknown): ProofOutcome {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOTFOUND" || code === "ENODATA") return "NOT_FOUND";
  if (code === "ETIMEOUT") return "TIMEOUT";
  return "UNREACHABLE";
}

/** Looks for `gatehouse-verification=<token>` among the TXT records of `host`. */
export async function checkDnsProof(host: string, token: string, settings: ProofSettings): Promise<ProofOutcome> {
  let records: string[];
  try {
    records = (await resolverFor(settings).resolveTxt(host)).map((chunks) => chunks.join(""));
  } catch (error) {
    return outcomeOfDnsError(error);
  }
  const values = records
    .filter((record) => record.startsWith(TXT_PREFIX))
    .map((r) => r.slice(TXT_PREFIX.length).trim());
  if (values.some((value) => sameToken(value, token))) return "VERIFIED";
  return values.length > 0 ? "WRONG_VALUE" : "NOT_FOUND";
}

/** Addresses of `host` from the configured resolver (IPv4 first), so both methods ask the same DNS. */
function resolverLookup(settings: ProofSettings): Lookup {
  return async (host) => {
    const resolver = resolverFor(settings);
    const v4 = await resolver.resolve4(host).catch(() => [] as string[]);
    const v6 = v4.length > 0 ? [] : await resolver.resolve6(host).catch(() => [] as string[]);
    return [...v4, ...v6].map((address) => ({ address }));
  };
}

function trustedCas(settings: ProofSettings): string[] | undefined {
  if (!settings.domainProofCaFile) return undefined;
  return [...rootCertificates, readFileSync(settings.domainProofCaFile, "utf8")];
}

/** The file's lines: the token alone, or `gatehouse-verification=<token>`, on any line. */
function fileOutcome(body: string, token: string): ProofOutcome {
  const lines = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (line.startsWith(TXT_PREFIX) ? line.slice(TXT_PREFIX.length).trim() : line));
  if (lines.some((line) => sameToken(line, token))) return "VERIFIED";
  return lines.length > 0 ? "WRONG_VALUE" : "NOT_FOUND";
}

function outcomeOfHttpsError(error: unknown): ProofOutcome {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "GATEHOUSE_DESTINATION_REFUSED") return "ADDRESS_NOT_ALLOWED";
  if (code === "GATEHOUSE_PROOF_TIMEOUT" || code === "ETIMEDOUT") return "TIMEOUT";
  return "UNREACHABLE";
}

/**
 * GETs https://<host>/.well-known/gatehouse-verification.txt: one request, no redirects followed (a 3xx
 * counts as no file), a size cap, a deadline, and every dialled address checked (no private networks
 * unless DOMAIN_PROOF_ALLOW_PRIVATE).
 */
export function checkHttpsProof(host: string, token: string, settings: ProofSettings): Promise<ProofOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: ProofOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.destroy();
      resolve(outcome);
    };
    const req = request(
      {
        host,
        servername: host,
        port: settings.domainProofHttpsPort,
        path: WELL_KNOWN_PATH,
        method: "GET",
        agent: false,
        lookup: checkedLookup(resolverLookup(settings), settings.domainProofAllowPrivate),
        ca: trustedCas(settings),
        headers: { accept: "text/plain", "user-agent": "Gatehouse domain verification" },
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return finish("NOT_FOUND");
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_FILE_BYTES) return finish("WRONG_VALUE");
          chunks.push(chunk);
        });
        response.on("end", () => finish(fileOutcome(Buffer.concat(chunks).toString("utf8"), token)));
        response.on("error", (error) => finish(outcomeOfHttpsError(error)));
      },
    );
    const deadline = setTimeout(() => finish("TIMEOUT"), settings.domainProofTimeoutMs);
    req.on("error", (error) => finish(outcomeOfHttpsError(error)));
    req.end();
  });
}
