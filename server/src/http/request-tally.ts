import { Counter, type Registry } from "prom-client";

/** Upper bounds of the latency histogram, in seconds. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

type Labels = { route: string; method: string; status: string };
type Tally = { labels: Labels; count: number; sum: number; buckets: number[] };
type Value = { labels: Record<string, string | number>; value: number; metricName?: string };

/**
 * Request counts and latencies per (route, method, status), kept as plain numbers and handed to prom-client's
 * registry as two metrics when /metrics is scraped. prom-client's own Counter and Histogram validate and hash the
 * label set on every observation, even through `labels()` children; on the hot path that cost more than the
 * handler of GET /api/info. The exposition (names, labels, cumulative `le` buckets, _sum, _count) is the same.
 */
export class RequestTally {
  private readonly tallies = new Map<string, Tally>();

  constructor(registry: Registry, names: { requests: string; duration: string }) {
    const tallies = () => [...this.tallies.values()];
    registry.registerMetric(
      metricOf(names.requests, "HTTP requests", "counter", () =>
        tallies().map(({ labels, count }) => ({ labels, value: count })),
      ),
    );
    registry.registerMetric(
      metricOf(names.duration, "HTTP request latency", "histogram", () =>
        tallies().flatMap(histogramValues(names.duration)),
      ),
    );
  }

  /** One answered request that took `seconds`; `route` is a registered pattern, so the map stays small. */
  observe(route: string, method: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { labels: { route, method, status: String(status) }, count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      this.tallies.set(key, tally);
    }
    tally.count += 1;
    tally.sum += seconds;
    for (let i = 0; i < BUCKETS.length; i++) {
      if (seconds <= (BUCKETS[i] as number)) {
        tally.buckets[i] = (tally.buckets[i] as number) + 1;
        break;
      }
    }
  }
}

/** prom-client's exposition of one histogram series: cumulative buckets up to +Inf, then _sum and _count. */
const histogramValues =
  (name: string) =>
  ({ labels, count, sum, buckets }: Tally): Value[] => {
    let cumulative = 0;
    const values: Value[] = BUCKETS.map((bound, i) => {
      cumulative += buckets[i] as number;
      return { labels: { le: bound, ...labels }, value: cumulative, metricName: `${name}_bucket` };
    });
    values.push({ labels: { le: "+Inf", ...labels }, value: count, metricName: `${name}_bucket` });
    values.push(
      { labels, value: sum, metricName: `${name}_sum` },
      { labels, value: count, metricName: `${name}_count` },
    );
    return values;
  };

/** The shape prom-client's Registry reads from a metric (what its own metrics' get() answers). */
function metricOf(name: string, help: string, type: "counter" | "histogram", values: () => Value[]) {
  const get = async () => ({ name, help, type, aggregator: "sum" as const, values: values() });
  return { name, help, type, get } as unknown as Parameters<Registry["registerMetric"]>[0];
}

/**
 * A prom-client Counter whose increments are summed in a Map on the hot path and added to the counter when it is
 * collected (scraped): Counter.inc validates and hashes its labels on every call.
 */
export function deferredCounter<Name extends string>(
  registry: Registry,
  config: { name: string; help: string; labelNames: readonly Name[] },
) {
  const pending = new Map<string, { labels: Record<Name, string>; by: number }>();
  new Counter({
    ...config,
    registers: [registry],
    collect() {
      for (const { labels, by } of pending.values()) this.inc(labels, by);
      pending.clear();
    },
  });
  return (labels: Record<Name, string>) => {
    const key = config.labelNames.map((name) => labels[name]).join("\u0000");
    const entry = pending.get(key);
    if (entry) entry.by += 1;
    else pending.set(key, { labels, by: 1 });
  };
}
