import { parseScrape, quantileMs } from '../src/bench/agents/api-probe';

const TEXT = [
  '# HELP resonance_http_request_duration_seconds API request latency',
  'resonance_http_request_duration_seconds_bucket{le="0.01",method="GET",route="/api/threads",status_code="200",process="api"} 10',
  'resonance_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/api/threads",status_code="200",process="api"} 90',
  'resonance_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/api/threads",status_code="200",process="api"} 100',
  'resonance_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/threads",status_code="200",process="api"} 100',
  'resonance_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/threads",status_code="401",process="api"} 7',
  'resonance_db_pool_connections{state="in_use",process="api"} 10',
  'resonance_db_pool_connections{state="waiting",process="api"} 117',
  'resonance_nodejs_eventloop_lag_p99_seconds{process="api"} 0.25',
].join('\n');

describe('bench --agents: reading the api /metrics', () => {
  it('reads the latency buckets of answered GETs per route, the pool and the event-loop lag', () => {
    const s = parseScrape(TEXT);
    const threads = s.buckets.get('/api/threads');
    expect(threads?.get(Infinity)).toBe(100);
    expect(s.poolInUse).toBe(10);
    expect(s.poolWaiting).toBe(117);
    expect(s.loopLagP99Ms).toBe(250);
  });

  it('estimates quantiles inside the bucket they fall in', () => {
    const threads = parseScrape(TEXT).buckets.get('/api/threads') ?? new Map<number, number>();
    // 50th of 100: the 40th of the 80 in (10 ms, 50 ms] → 10 + 40 × 40/80 = 30 ms.
    expect(quantileMs(threads, 0.5)).toBe(30);
    // 95th: the 5th of the 10 in (50 ms, 100 ms] → 75 ms.
    expect(quantileMs(threads, 0.95)).toBe(75);
    expect(quantileMs(new Map(), 0.95)).toBe(0);
  });
});
