import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { workerRegistry } from '../../../worker/src/health/worker-metrics';
import { ApiMetrics, createApi } from '../../src';

interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: Array<{ expr: string }>;
}

const dashboard = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'deploy', 'grafana', 'resonance.json'), 'utf8')) as {
  uid: string;
  panels: Panel[];
  __inputs: Array<{ name: string }>;
};

/** Histogram series names in a query stand for their histogram. */
const family = (series: string) => series.replace(/_(bucket|count|sum)$/, '');

// No Grafana runs here: the dashboard is checked against the metrics the api and the worker register.
describe('deploy/grafana/resonance.json', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('queries only metrics that the api or the worker register', async () => {
    const registered = new Set([...(await app.get(ApiMetrics).registry.getMetricsAsJSON()), ...(await workerRegistry.getMetricsAsJSON())].map((m) => m.name));
    const queried = dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => t.expr.match(/\bresonance_[a-z0-9_]+/g) ?? []));
    expect(queried.length).toBeGreaterThan(10);
    expect([...new Set(queried.map(family))].filter((name) => !registered.has(name))).toEqual([]);
  });

  it('covers what operators expect: HTTP latency, queue depth and age, failed jobs, sync lag, budget, ingest rate, reply delivery', () => {
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)).join('\n');
    for (const metric of [
      'resonance_http_request_duration_seconds_bucket',
      'resonance_queue_jobs',
      'resonance_queue_oldest_waiting_seconds',
      'resonance_jobs_failed_total',
      'resonance_sync_lag_seconds',
      'resonance_budget_used_ratio',
      'resonance_ingested_messages_total',
      'resonance_reply_delivery_seconds_bucket',
    ])
      expect(exprs).toContain(metric);
  });

  it('asks for its Prometheus data source on import and uses it in every panel', () => {
    expect(dashboard.uid).toBe('resonance-ops');
    expect(dashboard.__inputs.map((i) => i.name)).toEqual(['DS_PROMETHEUS']);
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row'))
      expect([panel.title, panel.datasource?.uid]).toEqual([panel.title, '${DS_PROMETHEUS}']);
  });
});
