import { round, sleep } from '../stats';

/** The routes whose server-side latency the agents bench reports (Express route templates). */
export const PROBED_ROUTES = ['/api/threads', '/api/threads/:id', '/api/threads/:id/messages', '/api/threads/:id/rule-activity'] as const;

type Buckets = Map<number, number>;

/** One scrape of the api's /metrics: the latency histogram's cumulative buckets per route (GET, 200). */
interface Scrape {
  buckets: Map<string, Buckets>;
  poolInUse: number;
  poolWaiting: number;
  loopLagP99Ms: number;
}

export interface ServerTimings {
  /** Estimated from the histogram's buckets (linear inside a bucket): what the api itself took, from its first middleware to the response's end. */
  p50Ms: number;
  p95Ms: number;
  samples: number;
}

export interface ApiProbeResult {
  /** Server-side latency per route over the measurement (GET answered 200). */
  serverSide: Record<string, ServerTimings>;
  /** The primary pool sampled every PROBE_EVERY_MS: connections in use and requests waiting for one. */
  pool: { inUseMean: number; inUseMax: number; waitingMean: number; waitingMax: number; samples: number; failedSamples: number };
  /** The api's event-loop lag (prom-client's p99 over its own window), highest of the samples. */
  eventLoopLagP99MaxMs: number;
}

const PROBE_EVERY_MS = 2_000;

/**
 * Reads the api's Prometheus /metrics during the agents run: the request latency the api measured
 * itself (so the report can tell time in the api from time in the load generator's queues) and the
 * database pool's use and waiters.
 */
export class ApiProbe {
  private first: Scrape | null = null;
  private readonly samples: Scrape[] = [];
  private running = false;
  private failed = 0;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  async start(): Promise<void> {
    this.first = await this.scrape();
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await sleep(PROBE_EVERY_MS);
        // A sample the loaded api did not answer is skipped, not the run.
        if (this.running)
          await this.scrape().then(
            (s) => this.samples.push(s),
            () => (this.failed += 1),
          );
      }
    })();
  }

  async stop(): Promise<ApiProbeResult> {
    this.running = false;
    await this.loop;
    const last = await this.scrape().catch(() => this.scrape());
    const serverSide: Record<string, ServerTimings> = {};
    for (const route of PROBED_ROUTES) {
      const delta = subtract(last.buckets.get(route), this.first?.buckets.get(route));
      serverSide[route] = { p50Ms: quantileMs(delta, 0.5), p95Ms: quantileMs(delta, 0.95), samples: delta.get(Infinity) ?? 0 };
    }
    const all = [...this.samples, last];
    const mean = (f: (s: Scrape) => number) => round(all.reduce((n, s) => n + f(s), 0) / all.length, 1);
    return {
      serverSide,
      pool: {
        inUseMean: mean((s) => s.poolInUse),
        inUseMax: Math.max(...all.map((s) => s.poolInUse)),
        waitingMean: mean((s) => s.poolWaiting),
        waitingMax: Math.max(...all.map((s) => s.poolWaiting)),
        samples: all.length,
        failedSamples: this.failed,
      },
      eventLoopLagP99MaxMs: round(Math.max(...all.map((s) => s.loopLagP99Ms)), 1),
    };
  }

  private async scrape(): Promise<Scrape> {
    const res = await fetch(`${this.apiUrl}/metrics`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new Error(`bench: GET /metrics answered ${res.status}`);
    return parseScrape(await res.text());
  }
}

const LABELS = /(\w+)="([^"]*)"/g;

/** The few series the probe needs, out of Prometheus's text format. */
export function parseScrape(text: string): Scrape {
  const scrape: Scrape = { buckets: new Map(), poolInUse: 0, poolWaiting: 0, loopLagP99Ms: 0 };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const brace = line.indexOf('{');
    const close = line.lastIndexOf('}');
    if (brace < 0 || close < 0) continue;
    const name = line.slice(0, brace);
    const value = Number(line.slice(close + 1).trim());
    const labels = new Map([...line.slice(brace + 1, close).matchAll(LABELS)].map((m) => [m[1], m[2]]));
    if (name === 'resonance_http_request_duration_seconds_bucket' && labels.get('method') === 'GET' && labels.get('status_code') === '200') {
      const route = labels.get('route') ?? '';
      const le = labels.get('le') === '+Inf' ? Infinity : Number(labels.get('le'));
      const buckets = scrape.buckets.get(route) ?? new Map<number, number>();
      buckets.set(le, value);
      scrape.buckets.set(route, buckets);
    } else if (name === 'resonance_db_pool_connections') {
      if (labels.get('state') === 'in_use') scrape.poolInUse = value;
      if (labels.get('state') === 'waiting') scrape.poolWaiting = value;
    } else if (name === 'resonance_nodejs_eventloop_lag_p99_seconds') {
      scrape.loopLagP99Ms = value * 1000;
    }
  }
  return scrape;
}

function subtract(after: Buckets | undefined, before: Buckets | undefined): Buckets {
  const delta: Buckets = new Map();
  for (const [le, n] of after ?? []) delta.set(le, n - (before?.get(le) ?? 0));
  return delta;
}

/** A quantile (ms) of cumulative buckets, linear inside the bucket it falls in; the last finite bound when it falls beyond. */
export function quantileMs(buckets: Buckets, q: number): number {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Infinity) ?? 0;
  if (!total) return 0;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const le of bounds) {
    const n = buckets.get(le) ?? 0;
    if (n >= rank) {
      if (le === Infinity) return round(lower * 1000, 1);
      return round((lower + ((le - lower) * (rank - below)) / Math.max(1, n - below)) * 1000, 1);
    }
    lower = le;
    below = n;
  }
  return round(lower * 1000, 1);
}
