import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { addNewOutboundJobs } from '@resonance/queue';
import type { QueuedRuleWork } from './rule-outcomes';

const logger = new Logger('RuleJobs');

/**
 * Queues what rules committed (moderation actions, replies) under their deterministic job ids, as
 * the api queues an agent's, in one addBulk (the rows are new: no job of theirs can exist yet but
 * one a recovery sweep added meanwhile, which the add leaves alone). A failure to reach the queue
 * is only logged: the committed rows are enough, the outbound recovery sweep queues them within
 * its bound.
 */
export async function queueRuleWork(queue: Queue, work: QueuedRuleWork): Promise<void> {
  const jobs = [
    ...work.moderationActionIds.map((actionId) => ({ kind: 'moderation' as const, actionId })),
    ...work.replyMessageIds.map((messageId) => ({ kind: 'reply' as const, messageId })),
  ];
  await addNewOutboundJobs(queue, jobs).catch((error: unknown) =>
    logger.warn(
      `${jobs.length} rule actions are committed but not queued yet (the recovery sweep queues them): ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
}
