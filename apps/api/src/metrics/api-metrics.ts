import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Gauge, Histogram, type Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { poolStats, type PoolStats } from '@resonance/db';
import { QUEUE_NAMES } from '@resonance/queue';
import { processRegistry, registerQueueGauges } from '@resonance/runtime';
import { MetricsRepository } from './metrics.repository';

/** Buckets for API latency: the inbox list budget is 30 ms, exports may take seconds. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The api's Prometheus registry: its own HTTP latency, and the installation's gauges (queues,
 * channels' sync lag and budgets) read at scrape time. The gauges are the api's, not the worker's,
 * so that any number of worker copies never report them twice; with several api copies a
 * dashboard takes max() over them (deploy/grafana/resonance.json does).
 */
@Injectable()
export class ApiMetrics {
  readonly registry: Registry = processRegistry('api');
  readonly httpDuration = new Histogram({
    name: 'resonance_http_request_duration_seconds',
    help: 'API request latency by method, route template (never the raw path) and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  constructor(@Inject(ModuleRef) moduleRef: ModuleRef, @Inject(MetricsRepository) repository: MetricsRepository, @Inject(DataSource) dataSource: DataSource) {
    const queues = QUEUE_NAMES.map((name) => moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    registerQueueGauges(this.registry, queues);
    registerChannelGauges(this.registry, repository);
    registerPoolGauge(this.registry, () => poolStats(dataSource));
  }
}

/**
 * The primary pool's connections at scrape time: in use, idle, and the requests waiting for one.
 * A request that waits on the pool waits before its first statement, which no query timing shows.
 */
export function registerPoolGauge(registry: Registry, stats: () => PoolStats): void {
  new Gauge({
    name: 'resonance_db_pool_connections',
    help: "The api's primary database pool at scrape time: connections in use, idle, and requests waiting for one (state=waiting)",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const p = stats();
      this.set({ state: 'in_use' }, p.total - p.idle);
      this.set({ state: 'idle' }, p.idle);
      this.set({ state: 'waiting' }, p.waiting);
    },
  });
}

function registerChannelGauges(registry: Registry, repository: MetricsRepository): void {
  // One query serves both per-channel gauges and the per-network ones: a scrape reads the table once.
  let pending: ReturnType<MetricsRepository['connectedChannels']> | undefined;
  const connected = () => {
    pending ??= repository.connectedChannels().finally(() => {
      pending = undefined;
    });
    return pending;
  };
  new Gauge({
    name: 'resonance_sync_lag_seconds',
    help: 'Seconds since the last successful sync of each connected channel (no series before its first sync)',
    labelNames: ['network', 'channel'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await connected()) if (row.lag_seconds !== null) this.set({ network: row.network, channel: row.channel }, row.lag_seconds);
    },
  });
  new Gauge({
    name: 'resonance_sync_lag_max_seconds',
    help: 'The longest time since a successful sync among the connected channels of each network',
    labelNames: ['network'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [network, value] of maxBy(await connected(), (row) => row.lag_seconds)) this.set({ network }, value);
    },
  });
  new Gauge({
    name: 'resonance_budget_used_ratio',
    help: "Share (0-1) of the network's rate budget or quota used, by the connected channel of that network that used the most",
    labelNames: ['network'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [network, value] of maxBy(await connected(), (row) => row.budget_used_percent)) this.set({ network }, value / 100);
    },
  });
  new Gauge({
    name: 'resonance_channels',
    help: 'Channel accounts by network and status (connected, needs_reauth, paused, error)',
    labelNames: ['network', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await repository.channelStatusCounts()) this.set({ network: row.network, status: row.status }, row.channels);
    },
  });
}

/** The largest non-null value per network. */
function maxBy<T extends { network: string }>(rows: T[], value: (row: T) => number | null): Map<string, number> {
  const max = new Map<string, number>();
  for (const row of rows) {
    const v = value(row);
    if (v !== null && v > (max.get(row.network) ?? -Infinity)) max.set(row.network, v);
  }
  return max;
}
