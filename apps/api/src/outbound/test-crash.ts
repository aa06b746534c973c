import type { Config } from '@resonance/config';

/**
 * A test seam, inert outside tests: with NODE_ENV=test and TEST_CRASH_AFTER_COMMIT naming this
 * point, the api process dies at once (SIGKILL: no shutdown hook, no pending write flushed) right
 * after the commit and before the enqueue — the crash that must not strand committed work. For a
 * webhook delivery the point is between its jobs' enqueue and remembering the delivery.
 */
export function crashAfterCommitInTest(config: Config, point: 'reply' | 'moderation' | 'webhook'): void {
  if (config.NODE_ENV === 'test' && config.TEST_CRASH_AFTER_COMMIT === point) process.kill(process.pid, 'SIGKILL');
}
