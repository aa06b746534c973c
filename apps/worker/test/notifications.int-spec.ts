import type { Queue } from 'bullmq';
import type { MessageRecord } from '@resonance/contracts';
import type { User } from '@resonance/db';
import { createQueueBackend, NOTIFY_EMAIL_JOB_NAME, prepareQueueBackend, QueueName, type NotifyJob, type QueueBackend } from '@resonance/queue';
import {
  createTestDatabase,
  makeChannel,
  makeUser,
  makeWorkspace,
  startTestSmtpServer,
  testConfig,
  type TestDatabase,
  type TestSmtpServer,
} from '@resonance/testing';
import { startWorker, type WorkerHandle } from '../src';
import { IngestStore } from '../src/ingest/ingest-store';
import { NotifyProcessor } from '../src/notify/notify.processor';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const comment = (threadKey: string, createdAt: string, name: string): MessageRecord => ({
  kind: 'message',
  network: 'facebook',
  externalId: `c-${threadKey}`,
  threadKey,
  channel: 'comment',
  postExternalId: 'post-1',
  author: { externalId: `fan-${threadKey}`, name },
  text: `Frage von ${name}`,
  createdAt,
});

const waitFor = async <T>(probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The worker's notifications (issue 24, team) against real PostgreSQL, Redis and a real SMTP server
 * in this process: SLA warnings (once per thread and waiting period, to the assignee or the admins),
 * e-mails in the recipient's language, exactly one per notification through a refused first
 * attempt, a second sweep, a repeated job and a restarted worker.
 */
describe.each(['redis', 'postgres'] as const)('notifications in the worker (queues on %s)', (queues) => {
  let db: TestDatabase;
  let smtp: TestSmtpServer;
  let worker: WorkerHandle | undefined;
  let backend: QueueBackend;
  let agent: User;
  let admin: User;
  const config = () =>
    testConfig({
      NOTIFY_SWEEP_MS: '300',
      SLA_WARNING_MINUTES: '15',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Resonance <inbox@muster.test>',
      ...(queues === 'postgres' ? { REDIS_URL: '' } : {}),
    });
  let cfg: ReturnType<typeof config>;
  const threadIdOf = async (key: string): Promise<string> => (await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = $1`, [key]))[0].id;
  const notifications = (kind: string): Promise<Array<{ id: string; user_id: string; thread_id: string; email_state: string }>> =>
    db.dataSource.query(`SELECT id::text, user_id, thread_id::text, email_state FROM notification WHERE kind = $1 ORDER BY id`, [kind]);

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startTestSmtpServer();
    const ws = await makeWorkspace(db.dataSource);
    // Paused: no sync runs against a network that is not there (which would end in needs_reauth, a notification of its own).
    const channel = await makeChannel(db.dataSource, ws, { status: 'paused' });
    agent = await makeUser(db.dataSource, ws, { role: 'agent', name: 'Anna Agentin', email: 'anna@muster.test' });
    admin = await makeUser(db.dataSource, ws, { role: 'admin', name: 'Ada Admin', email: 'ada@muster.test' });
    await makeUser(db.dataSource, ws, { role: 'admin', name: 'Otto Admin', email: 'otto@muster.test', active: false });
    await db.dataSource.query(`INSERT INTO notification_setting (user_id, language) VALUES ($1, 'de')`, [agent.id]);
    // SLA 60 min (the default): due in 10 min (warn), in 40 min (not yet), 20 min overdue (past warning).
    const store = new IngestStore(db.dataSource);
    await store.ingest(channel.id, [
      comment('due-soon', minutesAgo(50), 'Mia'),
      comment('due-soon-assigned', minutesAgo(52), 'Jonas'),
      comment('later', minutesAgo(20), 'Lea'),
      comment('overdue', minutesAgo(80), 'Tom'),
    ]);
    await store.close();
    await db.dataSource.query(`UPDATE thread SET assignee_id = $1 WHERE thread_key = 'due-soon-assigned'`, [agent.id]);
    // A mention for the agent (as the api gives it), whose first e-mail attempt the SMTP server refuses.
    const mentionThread = await threadIdOf('later');
    await db.dataSource.query(`SELECT resonance_notify($1, ARRAY[$2]::uuid[], 'mentioned', 'mentioned:1', $3, NULL, $4, NULL)`, [
      ws.id,
      agent.id,
      mentionThread,
      admin.id,
    ]);
    smtp.refuseNext(1);
    cfg = config();
    backend = createQueueBackend({ redisUrl: cfg.REDIS_URL, databaseUrl: db.url, prefix: cfg.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    worker = await startWorker(cfg, db.url);
  });
  afterAll(async () => {
    await worker?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('warns of an SLA due soon once: the assignee of an assigned thread, the active admins of an unassigned one; not early, not when overdue', async () => {
    const warnings = await waitFor(async () => {
      const rows = await notifications('sla_warning');
      return rows.length >= 2 ? rows : undefined;
    });
    const [dueSoon, assigned] = [await threadIdOf('due-soon'), await threadIdOf('due-soon-assigned')];
    expect(warnings.map((w) => [w.thread_id, w.user_id]).sort()).toEqual(
      [
        [dueSoon, admin.id],
        [assigned, agent.id],
      ].sort(),
    );
    const [due] = await db.dataSource.query(`SELECT due_at, (SELECT waiting_since FROM thread WHERE id = $1) AS since FROM notification WHERE thread_id = $1`, [
      dueSoon,
    ]);
    expect(due.due_at.getTime() - due.since.getTime()).toBe(60 * 60_000);
    await sleep(1_000); // three more sweeps
    expect(await notifications('sla_warning')).toHaveLength(2);
  });

  it('e-mails each notification exactly once, in its recipient language, through the SMTP server of SMTP_URL (with AUTH), retrying a refused send', async () => {
    await waitFor(async () => ((await db.dataSource.query(`SELECT 1 FROM notification WHERE email_state <> 'sent'`)).length === 0 ? true : undefined));
    expect(smtp.refused()).toBe(1);
    const byTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));
    expect(smtp.received).toHaveLength(3);
    for (const mail of smtp.received) expect(mail).toMatchObject({ from: 'inbox@muster.test', user: 'mailer' });

    const [mention, slaAgent] = [
      byTo('anna@muster.test').find((m) => m.subject.includes('Notiz')),
      byTo('anna@muster.test').find((m) => m.subject.includes('SLA')),
    ];
    expect(mention).toMatchObject({ language: 'de', subject: 'Ada Admin hat Sie in einer Notiz zur Unterhaltung mit Lea erwähnt' });
    expect(mention!.body).toContain('Hallo Anna Agentin,');
    expect(mention!.body).toContain(`${cfg.PUBLIC_URL}/inbox/${await threadIdOf('later')}`);
    expect(slaAgent).toMatchObject({ language: 'de', subject: 'SLA läuft bald ab: Jonas wartet auf eine Antwort' });

    const [slaAdmin, ...none] = byTo('ada@muster.test');
    expect(none).toEqual([]);
    expect(slaAdmin).toMatchObject({ language: 'en', subject: 'SLA due soon: Mia is waiting for an answer' });
    expect(slaAdmin.body).toContain('Hello Ada Admin,');
    expect(byTo('otto@muster.test')).toEqual([]);
    const ids = new Set(smtp.received.map((m) => m.messageId));
    expect(ids.size).toBe(3);
  });

  it('sends nothing again: a repeated job, more sweeps, and a restarted worker find every notification sent', async () => {
    const queue: Queue<NotifyJob> = new backend.Queue<NotifyJob>(QueueName.Notify, { connection: backend.connection as never, prefix: backend.prefix });
    try {
      const [sent] = await notifications('mentioned');
      // The same notification under another job id (a job delivered twice): the row says sent.
      const again = await queue.add(NOTIFY_EMAIL_JOB_NAME, { notificationId: sent.id }, { jobId: `again-${sent.id}` });
      expect(await waitFor(async () => ((await again.getState()) === 'completed' ? (await queue.getJob(again.id!))?.returnvalue : undefined))).toBe('skipped');
      await worker!.close();
      worker = await startWorker(cfg, db.url);
      expect(worker.app.get(NotifyProcessor)).toBeDefined();
      await sleep(1_500);
      expect(smtp.received).toHaveLength(3);
      expect(await notifications('sla_warning')).toHaveLength(2);
    } finally {
      await queue.close();
    }
  });

  it('keeps the SMTP password out of a failed job (the failure is the SMTP reply only)', async () => {
    smtp.refuseNext(10);
    const [ws] = await db.dataSource.query(`SELECT workspace_id FROM users WHERE id = $1`, [admin.id]);
    const [{ id }] = await db.dataSource.query(
      `SELECT id::text FROM resonance_notify($1, ARRAY[$2]::uuid[], 'mentioned', 'mentioned:2', NULL, NULL, NULL, NULL) AS id`,
      [ws.workspace_id, admin.id],
    );
    const queue: Queue<NotifyJob> = new backend.Queue<NotifyJob>(QueueName.Notify, { connection: backend.connection as never, prefix: backend.prefix });
    try {
      const job = await waitFor(async () => {
        const j = await queue.getJob(`notify-email-${id}`);
        return j && j.attemptsMade >= 1 && j.failedReason ? j : undefined;
      });
      expect(job.failedReason).toContain('451');
      expect(job.failedReason).not.toContain('smtp-secret');
    } finally {
      smtp.refuseNext(0);
      await queue.close();
    }
  });
});
