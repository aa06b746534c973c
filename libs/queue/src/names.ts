import type { UnifiedRecord } from '@resonance/contracts';

/** The queues of Resonance (DESIGN.md §1). */
export const QueueName = {
  /** Fetch what is new from one channel account (repeatable, one per channel). */
  Sync: 'sync',
  /** Store a page of unified records (from a sync page or a webhook delivery). */
  Ingest: 'ingest',
  /** Send one reply to the network. */
  Outbound: 'outbound',
  /** Maintain report rollups. */
  Rollup: 'rollup',
  /** Periodic housekeeping on a job scheduler (the retention purge), one run at a time across workers. */
  Maintenance: 'maintenance',
  /** Notifications: the sweep (SLA warnings, e-mails due) on a job scheduler, and one e-mail per notification. */
  Notify: 'notify',
  /** The external classifier's relabelling (apps/worker/src/classify), on a job scheduler, one run at a time; only when CLASSIFIER_URL is set. */
  Classify: 'classify',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];
export const QUEUE_NAMES: QueueName[] = Object.values(QueueName);

export interface SyncJob {
  channelAccountId: string;
  /** Why this run happens: the schedule, a webhook hint, a backfill on connect, or a manual request. */
  reason: 'schedule' | 'hint' | 'backfill' | 'manual';
}

export interface IngestJob {
  channelAccountId: string;
  /** Where the records came from: a webhook delivery id or a sync page, for the log. */
  source: string;
  records: UnifiedRecord[];
}

export interface OutboundJob {
  messageId: string;
}

/**
 * Like, hide or delete a comment on the network: job name 'moderate' on the outbound queue (same
 * limits and error policy as replies), job id `moderate-<actionId>`; the message_action row exists
 * before the job and says what to do.
 */
export interface ModerationJob {
  actionId: string;
}
export const MODERATION_JOB_NAME = 'moderate';

/**
 * Report rollups (apps/worker/src/rollup). Without a workspace: drain the threads that the message
 * triggers marked (the repeatable job). With one: rebuild that workspace's rollups from raw data.
 */
export interface RollupJob {
  workspaceId?: string;
}

/** Housekeeping: job name 'retention' deletes what is past each workspace's retention_days. */
export type MaintenanceJob = Record<string, never>;
export const RETENTION_JOB_NAME = 'retention';

/**
 * The notify queue: job name 'sweep' (the scheduler; no data) gives SLA warnings and queues the
 * e-mails due; job name 'email' sends one notification's e-mail, job id `notify-email-<id>`.
 */
export interface NotifyEmailJob {
  notificationId: string;
}
export type NotifyJob = NotifyEmailJob | Record<string, never>;
export const NOTIFY_SWEEP_JOB_NAME = 'sweep';
export const NOTIFY_EMAIL_JOB_NAME = 'email';

/** The classify queue: job name 'relabel' (the scheduler; no data) sends the next batch of new inbound messages to the external classifier. */
export type ClassifyJob = Record<string, never>;
export const RELABEL_JOB_NAME = 'relabel';

export interface JobPayloads {
  sync: SyncJob;
  ingest: IngestJob;
  outbound: OutboundJob;
  rollup: RollupJob;
  maintenance: MaintenanceJob;
  notify: NotifyJob;
  classify: ClassifyJob;
}
