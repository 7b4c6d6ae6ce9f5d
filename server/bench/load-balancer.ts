import { connect, createServer, type Server } from "node:net";

/** A round-robin TCP balancer: each new connection goes to the next instance, as a real one would. */
export async function startLoadBalancer(targets: number[]): Promise<{ port: number; close: () => Promise<void> }> {
  let next = 0;
  const server: Server = createServer((incoming) => {
    const port = targets[next++ % targets.length] ?? 0;
    const outgoing = connect(port, "127.0.0.1");
    incoming.pipe(outgoing).pipe(incoming);
    const destroy = () => {
      incoming.destroy();
      outgoing.destroy();
    };
    incoming.on("error", destroy);
    outgoing.on("error", destroy);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("balancer has no port");
  return { port: address.port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
