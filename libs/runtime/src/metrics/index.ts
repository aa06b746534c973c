export { processRegistry, bearerMatches, serveMetrics } from './scrape';
export { registerQueueGauges, GAUGED_JOB_STATES } from './queue-gauges';
