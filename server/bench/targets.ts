/**
 * The bench's reference servers, each run in its own process (`tsx bench/targets.ts ceiling|peer`) so that
 * they do not share the load generator's event loop: it prints the port it listens on.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const PEER_CLIENT = { id: "bench-client", secret: "bench-secret-0123456789abcdef0123456789" };

async function ceiling(): Promise<number> {
  const body = JSON.stringify({ status: "success", message: "OK", data: { ok: true } });
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** panva/oidc-provider 9 with its in-memory adapter: one confidential client using client_credentials. */
async function peer(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients: [
      {
        client_id: PEER_CLIENT.id,
        client_secret: PEER_CLIENT.secret,
        grant_types: ["client_credentials"],
        redirect_uris: [],
        response_types: [],
      },
    ],
    features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
  });
  server.on("request", provider.callback());
  return port;
}

const which = process.argv[2];
if (which === "ceiling" || which === "peer") {
  const port = await (which === "ceiling" ? ceiling() : peer());
  console.log(`PORT ${port}`);
}
