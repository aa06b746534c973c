import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ensureOutboundJob } from '@resonance/queue';
import type { RuleWork } from './rule-outcomes';

const logger = new Logger('RuleJobs');

/**
 * Queues what rules committed (moderation actions, replies) under their deterministic job ids, as
 * the api queues an agent's. A failure to reach the queue is only logged: the committed rows are
 * enough, the outbound recovery sweep queues them within its bound.
 */
export async function queueRuleWork(queue: Queue, work: RuleWork): Promise<void> {
  const jobs = [
    ...work.moderationActionIds.map((actionId) => ({ kind: 'moderation' as const, actionId })),
    ...work.replyMessageIds.map((messageId) => ({ kind: 'reply' as const, messageId })),
  ];
  const results = await Promise.allSettled(jobs.map((job) => ensureOutboundJob(queue, job, () => false)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed) logger.warn(`${failed} of ${jobs.length} rule actions are committed but not queued yet (the recovery sweep queues them)`);
}
