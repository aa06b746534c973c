import { Queue } from 'bullmq';
import { createQueueBackend, jobId, QueueName } from '@resonance/queue';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

/**
 * A reply that is not delivered after the recovery bound (issue 29) says what it waits for and
 * since when, in German and English, and the agent can queue it again from the conversation: the
 * retry makes the reply's one job (send-<id>) exist again.
 */
describe('a stuck reply in the browser (agent)', () => {
  let stack: Stack;
  let browser: BrowserHandle;
  let queue: Queue;

  beforeAll(async () => {
    stack = await startStack();
    await stack.ingest([fbComment({ threadKey: 't-stuck', authorName: 'Erika Mustermann', text: 'Wann kommt meine Bestellung?' })]);
    const backend = createQueueBackend({ redisUrl: stack.config.REDIS_URL, databaseUrl: stack.db.url, prefix: stack.config.QUEUE_PREFIX });
    queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    browser = await launchBrowser({ locale: 'de-DE' });
  }, 120_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await queue?.close();
    await stack?.close();
  });

  it('shows "queued since" and "waiting for the network", and queues a stuck reply again on retry', async () => {
    const [thread] = await stack.db.dataSource.query(`SELECT id::text, channel_account_id FROM thread WHERE thread_key = 't-stuck'`);
    const [agent] = await stack.db.dataSource.query(`SELECT id FROM users WHERE email = 'agent@demo.local'`);
    // A reply committed two minutes ago whose job never made it to the queue (the api died).
    const [reply] = await stack.db.dataSource.query(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, author_user_id, text, created_at, delivery)
       VALUES ($1, $2, $3, 'outbound', true, $4, 'Sie ist unterwegs.', date_trunc('minute', now()) - interval '2 minutes', 'queued') RETURNING id::text, created_at`,
      [stack.workspaceId, thread.channel_account_id, thread.id, agent.id],
    );
    // The browser runs in Europe/Berlin (support/browser.ts); English falls back to en-GB.
    const hhmm = (locale: string) =>
      new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(reply.created_at));

    const { page } = browser;
    await signIn(page, stack.url, 'agent@demo.local');
    await page.goto(`${stack.url}/inbox/${thread.id}`);
    const waiting = page.getByTestId('delivery-waiting');
    await waiting.waitFor();
    expect(await waiting.textContent()).toBe(`In Warteschlange seit ${hhmm('de-DE')}`);
    expect(await queue.getJobState(jobId.send(reply.id))).toBe('unknown');

    // Keyboard: the retry button is reachable and works with Enter.
    const retry = page.getByTestId('delivery-retry');
    expect(await retry.textContent()).toBe('Erneut senden');
    await retry.focus();
    await page.keyboard.press('Enter');
    const deadline = Date.now() + 10_000;
    while ((await queue.getJobState(jobId.send(reply.id))) !== 'waiting' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await queue.getJobState(jobId.send(reply.id))).toBe('waiting');
    expect(await page.getByRole('alert').count()).toBe(0);

    // Being sent for too long: "waiting for the network", in English too.
    await stack.db.dataSource.query(`UPDATE message SET delivery = 'sending' WHERE id = $1`, [reply.id]);
    await page.locator('[data-testid="delivery-state"][data-state="sending"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="delivery-state"][data-state="sending"]').textContent()).toBe('Wartet auf das Netzwerk…');
    expect(await waiting.textContent()).toBe(`Wartet seit ${hhmm('de-DE')} auf das Netzwerk`);
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect(await waiting.textContent()).toBe(`Waiting for the network since ${hhmm('en-GB')}`);
    expect(await page.getByTestId('delivery-retry').textContent()).toBe('Retry sending');
  }, 120_000);
});
