import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, type Job, type JobsOptions, type Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import { jobId, NOTIFY_EMAIL_JOB_NAME, NOTIFY_SWEEP_JOB_NAME, QueueName, type NotifyEmailJob, type NotifyJob } from '@resonance/queue';
import { emailText } from './email-text';
import { smtpHostOf, smtpMailer, type Mailer } from './mailer';
import { NotifyStore } from './notify-store';

/** E-mails queued per sweep at most (the next sweep takes the rest). */
export const EMAILS_PER_SWEEP = 500;

/** One e-mail job: a few retries spread over about a minute (a busy or restarting SMTP server), kept a day once done. */
export const emailJobOptions = (notificationId: string): JobsOptions => ({
  jobId: jobId.notifyEmail(notificationId),
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 86_400 },
  removeOnFail: { age: 7 * 86_400 },
});

export interface SweepResult {
  warned: number;
  queued: number;
}
export type EmailResult = 'sent' | 'skipped' | 'no-smtp';

const isEmailJob = (data: NotifyJob): data is NotifyEmailJob => typeof (data as Partial<NotifyEmailJob>).notificationId === 'string';

/**
 * Notifications in the worker. The sweep (a job scheduler: one run per NOTIFY_SWEEP_MS across all
 * worker copies) gives the SLA warnings now due and queues an 'email' job for each notification
 * whose e-mail is pending, under the notification's own job id. The 'email' job sends inside a
 * transaction that holds the notification's row: a repeat of the job (a retry, a second worker, a
 * restart) waits for that row and finds it 'sent'. Only a crash between the SMTP server's
 * acceptance and the commit can send a mail twice; the Message-ID is the notification's, so the
 * receiving server can tell. Without SMTP_URL nothing is queued.
 */
@Processor(QueueName.Notify, { concurrency: 2 })
export class NotifyProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotifyProcessor.name);
  private readonly store: NotifyStore;
  private readonly mailer: Mailer | null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    @InjectQueue(QueueName.Notify) private readonly queue: Queue<NotifyJob>,
  ) {
    super();
    this.store = new NotifyStore(dataSource);
    this.mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.SMTP_FROM) : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(jobId.notifySweep(), { every: this.config.NOTIFY_SWEEP_MS }, { name: NOTIFY_SWEEP_JOB_NAME, data: {} });
    this.logger.log(this.config.SMTP_URL ? `notification e-mail through ${smtpHostOf(this.config.SMTP_URL)}` : 'notification e-mail off (no SMTP_URL)');
  }

  onApplicationShutdown(): void {
    this.mailer?.close();
  }

  async process(job: Job<NotifyJob>): Promise<SweepResult | EmailResult> {
    if (job.name === NOTIFY_SWEEP_JOB_NAME) return this.sweep();
    if (job.name === NOTIFY_EMAIL_JOB_NAME && isEmailJob(job.data)) return this.email(job, job.data.notificationId);
    throw new UnrecoverableError(`unknown notify job ${JSON.stringify(job.name)}`);
  }

  async sweep(): Promise<SweepResult> {
    const warned = await this.store.slaWarnings(this.config.SLA_WARNING_MINUTES);
    if (warned.length) this.logger.log(`${warned.length} SLA warning(s) given`);
    if (!this.mailer) return { warned: warned.length, queued: 0 };
    const pending = await this.store.pendingEmails(EMAILS_PER_SWEEP);
    // One add per notification under its own job id: one already queued (or done) is not added again.
    for (const id of pending) await this.queue.add(NOTIFY_EMAIL_JOB_NAME, { notificationId: id }, emailJobOptions(id));
    return { warned: warned.length, queued: pending.length };
  }

  private async email(job: Job<NotifyJob>, id: string): Promise<EmailResult> {
    const mailer = this.mailer;
    if (!mailer) return 'no-smtp';
    try {
      return await this.dataSource.transaction(async (tx) => {
        const email = await this.store.lockEmail(id, tx);
        if (email?.state !== 'pending') return 'skipped';
        if (!email.recipientActive) {
          await this.store.markEmail(id, 'off', tx);
          return 'skipped';
        }
        const { subject, text } = emailText(email, this.config.PUBLIC_URL);
        await mailer.send({ to: email.recipientEmail, subject, text, language: email.language, messageId: `<notification-${id}@resonance.invalid>` });
        await this.store.markEmail(id, 'sent', tx);
        return 'sent';
      });
    } catch (error) {
      const attempt = job.attemptsMade + 1;
      const last = attempt >= (job.opts.attempts ?? 1);
      this.logger.warn(
        `notification ${id}: e-mail not sent (attempt ${attempt}${last ? ', the last' : ''}): ${error instanceof Error ? error.message : String(error)}`,
      );
      if (last) await this.store.markEmail(id, 'failed');
      throw error;
    }
  }
}
