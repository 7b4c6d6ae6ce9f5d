import pg from "pg";

type Lane = { client: pg.Client | undefined; ready: Promise<pg.Client> | undefined; inFlight: number };

export type PipelinedConnections = {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
  /** Connections open now, and how many of them have no statement in flight. */
  stats(): { open: number; idle: number };
  close(): Promise<void>;
};

/**
 * Single statements over at most `max` connections in node-postgres's pipeline mode. A statement is written at once,
 * behind those still running on its connection, so one wake-up of a PostgreSQL backend serves several of them; a
 * pool hands each connection one statement at a time and wakes the backend for every one (docs/benchmarks.md, the
 * ninth pass). A statement goes to an idle connection, else to a new one while fewer than `max` are open, else to
 * the one with the fewest in flight. PostgreSQL answers a connection's statements in order, so one that waits for a
 * row lock holds up those behind it: hence the fewest in flight, not turns. A connection the server ends is opened
 * again by the next statement sent to it.
 */
export function pipelinedConnections(connectionString: string, max: number): PipelinedConnections {
  const lanes: Lane[] = [];
  const ending = new Set<Promise<void>>();
  let closed = false;

  const open = (lane: Lane): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString, pipeline: true });
    const forget = () => {
      if (lane.client !== client) return;
      lane.client = undefined;
      lane.ready = undefined;
    };
    // A restart, a failover or an administrator ending the connection: its statements fail, the next one reconnects.
    client.on("error", forget);
    const ended = new Promise<void>((resolve) => client.once("end", resolve)).then(forget);
    ending.add(ended);
    void ended.then(() => ending.delete(ended));
    lane.client = client;
    lane.ready = client.connect().then(
      () => client,
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    return lane.ready;
  };

  const pick = (): Lane => {
    let fewest: Lane | undefined;
    for (const lane of lanes) {
      if (lane.inFlight === 0 && lane.client) return lane;
      if (!fewest || lane.inFlight < fewest.inFlight) fewest = lane;
    }
    if (fewest && lanes.length >= max) return fewest;
    const lane: Lane = { client: undefined, ready: undefined, inFlight: 0 };
    lanes.push(lane);
    return lane;
  };

  return {
    query: async (config) => {
      if (closed) throw new Error("The hot path's PostgreSQL connections are closed");
      const lane = pick();
      lane.inFlight++;
      try {
        const client = await (lane.ready ?? open(lane));
        return await client.query(config);
      } finally {
        lane.inFlight--;
      }
    },
    stats: () => {
      const open = lanes.filter((lane) => lane.client);
      return { open: open.length, idle: open.filter((lane) => lane.inFlight === 0).length };
    },
    close: async () => {
      closed = true;
      await Promise.all(lanes.map((lane) => lane.client?.end().catch(() => {})));
      await Promise.all(ending);
    },
  };
}
