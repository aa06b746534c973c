import { Client } from 'pg';
import { useKillSuite } from './kill-suite';
import { sleep, waitFor } from './support';

/**
 * The fault suite, worker and store kills (issue 29): the worker process SIGKILLed mid sync page
 * and mid send, the private Redis SIGKILLed and restarted, and the private PostgreSQL cluster
 * crashed — every postgres process SIGKILLed, then started again through crash recovery — under
 * load, with one channel on each of the six networks. After each phase every network item is
 * stored exactly once in the right thread, and every reply and moderation action is at the sim
 * exactly once, shown as sent/done.
 */
describe('fault suite: the worker, Redis and PostgreSQL killed, nothing lost, doubled or stuck on any network', () => {
  const suite = useKillSuite('store-kills');
  const { rig } = suite;
  const ledger = () => suite.ledger;

  it('the worker SIGKILLed in the middle of a sync page and of a send', async () => {
    await rig.worker.kill();
    // Every network answers slowly, so the worker is caught mid-page and mid-send.
    await rig.fault('*', { kind: 'slow', options: { delayMs: 500 } });
    await rig.generate(100);
    rig.worker.start();
    const midPage = `SELECT count(*)::int AS n FROM channel_account WHERE sync_state->'lease' IS NOT NULL`;
    await waitFor(async () => ((await rig.ds.query(midPage))[0].n > 0 ? true : undefined), 60_000, 'the worker to hold a sync lease');
    await rig.worker.kill();
    suite.count('worker SIGKILLed mid sync page');

    rig.worker.start();
    await Promise.all(ledger().burst());
    await waitFor(
      async () => ((await rig.ds.query(`SELECT count(*)::int AS n FROM message WHERE delivery = 'sending'`))[0].n > 0 ? true : undefined),
      60_000,
      'a reply to be mid-send',
    );
    await rig.worker.kill();
    suite.count('worker SIGKILLed mid send');
    await rig.clearFaults();
    rig.worker.start();
    await suite.expectTruth('after the worker kills');
  }, 240_000);

  it('Redis SIGKILLed and restarted under load', async () => {
    for (let round = 0; round < 2; round++) {
      await rig.generate(60);
      await Promise.all(ledger().burst());
      await sleep(300);
      await rig.redis.kill();
      await rig.generate(30);
      await sleep(1500);
      await rig.redis.start();
      suite.count('Redis crashes (SIGKILL + restart)');
    }
    await Promise.all(ledger().burst());
    await suite.expectTruth('after the Redis crashes', 120_000);
  }, 240_000);

  it('the PostgreSQL cluster crashed (every postgres process SIGKILLed) and restarted under load', async () => {
    for (let round = 0; round < 2; round++) {
      await rig.generate(60);
      const calls = ledger().burst();
      await sleep(200);
      await rig.pg.restart(1000);
      await Promise.all(calls);
      suite.count('PostgreSQL cluster crashes (SIGKILL of every process + crash recovery)');
    }
    // And the lighter fault: every connection of the database ended, the server up.
    const admin = new Client({ connectionString: rig.pg.url() });
    await admin.connect();
    try {
      await rig.generate(30);
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'resonance_faults' AND pid <> pg_backend_pid()`);
      suite.count('PostgreSQL connections terminated', killed.rowCount ?? 0);
    } finally {
      await admin.end();
    }
    await Promise.all(ledger().burst());
    await suite.expectTruth('after the PostgreSQL crashes', 120_000);
  }, 240_000);

  it('the api SIGKILLed between the commit of a reply (and of a like) and its enqueue — Redis hangs meanwhile: both still reach the network once (issue 29)', async () => {
    // Redis hangs (SIGSTOP): the api commits the rows, then waits on the enqueue; it is killed there.
    rig.redis.pause();
    const before = { replies: ledger().replies.length, actions: ledger().actions.length };
    const calls = [
      ledger()
        .reply('facebook')
        .catch(() => false),
      ledger()
        .reply('youtube')
        .catch(() => false),
      ledger()
        .moderate('like')
        .catch(() => false),
    ];
    const committed = `SELECT (SELECT count(*) FROM message WHERE text = ANY($1::text[]))::int + (SELECT count(*) FROM message_action WHERE message_id = ANY($2::bigint[]))::int AS n`;
    await waitFor(
      async () => {
        const texts = ledger()
          .replies.slice(before.replies)
          .map((r) => r.text);
        const ids = ledger()
          .actions.slice(before.actions)
          .map((a) => a.messageId);
        return texts.length === 2 && ids.length === 1 && (await rig.ds.query(committed, [texts, ids]))[0].n === 3 ? true : undefined;
      },
      30_000,
      'the api to commit both replies and the like',
    );
    await rig.api.kill();
    suite.count('api SIGKILLed between commit and enqueue (Redis hanging)');
    await Promise.all(calls);
    rig.redis.resume();
    await rig.startApi();
    // Nothing re-sends them by hand: the outbox/sweep must find the committed work on its own.
    await suite.expectTruth('after the api kill between commit and enqueue', 90_000);
  }, 240_000);
});
