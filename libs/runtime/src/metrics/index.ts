export { processRegistry, bearerMatches, serveMetrics } from './scrape';
export { registerQueueGauges, GAUGED_JOB_STATES, QUEUE_SCRAPE_TIMEOUT_MS } from './queue-gauges';
