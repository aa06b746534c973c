import { Counter, Histogram } from 'prom-client';
import { processRegistry } from '@resonance/runtime';

/**
 * The worker's Prometheus registry and what this process counts: its jobs, the messages it stored
 * and the replies it delivered. One per process (module scope), because the counters are bumped
 * deep in the pipeline (IngestStore, OutboundSender), which Nest does not construct alone; the
 * installation's gauges (queue depth, sync lag, budgets) are the api's (apps/api/src/metrics).
 * Served at GET /metrics on WORKER_HEALTH_PORT; a dashboard sums the copies with sum(rate(...)).
 */
export const workerRegistry = processRegistry('worker');

export const jobsCompleted = new Counter({
  name: 'resonance_jobs_completed_total',
  help: 'Jobs this worker completed, by queue',
  labelNames: ['queue'],
  registers: [workerRegistry],
});

export const jobsFailed = new Counter({
  name: 'resonance_jobs_failed_total',
  help: 'Job attempts that failed in this worker, by queue; final says whether BullMQ gives the job up (no attempts left, or unrecoverable)',
  labelNames: ['queue', 'final'],
  registers: [workerRegistry],
});

export const messagesIngested = new Counter({
  name: 'resonance_ingested_messages_total',
  help: 'Messages stored that were new to the database (sync runs and webhook deliveries), by network',
  labelNames: ['network'],
  registers: [workerRegistry],
});

export const replyDelivery = new Histogram({
  name: 'resonance_reply_delivery_seconds',
  help: 'From an agent sending a reply in the dashboard (its row created) to the network accepting it, by network',
  labelNames: ['network'],
  buckets: [0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
  registers: [workerRegistry],
});
