import { Queue } from 'bullmq';
import { messengerThreadKey } from '@resonance/connectors';
import type { MessageRecord } from '@resonance/contracts';
import { createQueueBackend, QueueName, type IngestJob } from '@resonance/queue';
import { startSim, type ReceivedItem, type RunningSim, type TruthItem } from '@resonance/sim';
import { startWorker, type WorkerHandle } from '@resonance/worker';
import { launchBrowser, signIn, type BrowserHandle, type Page } from './support/browser';
import { startStack, type Stack } from './support/stack';

/**
 * Replies you can trust (issue 24), as an agent does them in the browser against the demo world,
 * with the sim as Facebook and the worker in-process: a reply that failed because the page's
 * permission was revoked says so in the UI's language and is delivered exactly once by Retry after
 * the channel is reconnected; the composer follows the reply's real state; the comment answered
 * is chosen; `/shortcut` + Tab/Enter inserts a canned response; a {{variable}} without a value
 * blocks sending; a colleague's reply since the agent started writing is warned about; a Messenger
 * sender who arrives by webhook only shows by name. Desktop and 390×844.
 */
describe('replies you can trust in the browser (agent)', () => {
  let sim: RunningSim;
  let stack: Stack;
  let worker: WorkerHandle;
  let browser: BrowserHandle;
  let ingestQueue: Queue<IngestJob>;
  let thread: { top: TruthItem; reply: TruthItem };
  let messengerCustomer: { externalId: string; name: string };

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 29, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    const truth: TruthItem[] = sim.traffic.generate(400, 'facebook');
    // A top-level customer comment with a reply by another customer under it, not answered by the page.
    const answered = new Set(truth.filter((t) => t.kind === 'comment' && t.fromAccount).map((t) => t.threadExternalId));
    const pair = truth
      .filter((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId !== null && !answered.has(t.threadExternalId))
      .map((reply) => ({ reply, top: truth.find((t) => t.externalId === reply.parentExternalId && !t.fromAccount) }))
      .find((p): p is { reply: TruthItem; top: TruthItem } => !!p.top && p.top.author!.name !== p.reply.author!.name && p.top.parentExternalId === null);
    expect(pair).toBeDefined();
    thread = pair!;
    const dm = truth.find((t) => t.kind === 'message' && !t.fromAccount && t.author);
    expect(dm).toBeDefined();
    messengerCustomer = dm!.author!;
    // One sync (the backfill when the worker starts), none during the tests: what a thread holds stays put.
    const hour = String(3_600_000);
    stack = await startStack({ config: { SIM_URL: sim.url, SYNC_INTERVAL_MS: hour, SYNC_MIN_INTERVAL_MS: hour, SYNC_MAX_INTERVAL_MS: hour } });
    const record = (t: TruthItem): MessageRecord => ({
      kind: 'message',
      network: 'facebook',
      externalId: t.externalId,
      threadKey: thread.top.externalId,
      channel: 'comment',
      parentExternalId: t.parentExternalId,
      postExternalId: t.postExternalId,
      author: { externalId: t.author!.externalId, name: t.author!.name },
      text: t.text,
      createdAt: t.createdAt,
    });
    // The same person wrote another comment earlier: their customer panel lists it.
    const earlier: MessageRecord = {
      ...record(thread.top),
      externalId: `${thread.top.externalId}-earlier`,
      threadKey: `${thread.top.externalId}-earlier`,
      text: 'Eine frühere Frage zur Lieferung',
      createdAt: new Date(Date.parse(thread.top.createdAt) - 86_400_000).toISOString(),
    };
    await stack.ingest([earlier, record(thread.top), record(thread.reply)]);
    worker = await startWorker(stack.config, stack.db.url);
    // The worker's first sync reads the sim's whole page (more comments in these threads too): wait
    // for it, so that what the agent sees when opening a thread is what is there.
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const [synced] = await stack.db.dataSource.query(`SELECT last_synced_at FROM channel_account WHERE id = $1`, [stack.facebookChannelId]);
      if (synced.last_synced_at) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const backend = createQueueBackend({ redisUrl: stack.config.REDIS_URL, databaseUrl: stack.db.url, prefix: stack.config.QUEUE_PREFIX });
    ingestQueue = new backend.Queue(QueueName.Ingest, { connection: backend.connection as never, prefix: backend.prefix });
    browser = await launchBrowser({ locale: 'de-DE' });
  }, 300_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await ingestQueue?.close();
    await worker?.close();
    await stack?.close();
    await sim?.close();
  });

  const received = async (text: string): Promise<ReceivedItem[]> =>
    ((await (await fetch(`${sim.url}/_sim/received?network=facebook`)).json()) as { items: ReceivedItem[] }).items.filter((r) => r.text === text);
  const threadId = async (key: string): Promise<string> =>
    (await stack.db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = $1`, [key]))[0].id as string;
  const composer = (page: Page) => page.getByTestId('composer-text');
  /** Opens a thread in the German UI (a test before may have left it in English). */
  async function openThread(page: Page, key: string): Promise<void> {
    await page.goto(`${stack.url}/inbox/${await threadId(key)}`);
    await page.getByText('Deutsch', { exact: true }).click();
    await page.getByRole('heading', { name: 'Posteingang' }).waitFor();
    await composer(page).waitFor();
  }
  /** The composer's text once it is `expected` (a canned response is filled by the API first), else what it was after 10 s. */
  async function composerValue(page: Page, expected: string): Promise<string> {
    const deadline = Date.now() + 10_000;
    let value = await composer(page).inputValue();
    while (value !== expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      value = await composer(page).inputValue();
    }
    return value;
  }

  /** Signs a colleague in through the API and replies as them (what their own browser would do). */
  async function replyAsColleague(id: string, text: string): Promise<void> {
    const login = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.local', password: 'resonance' }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const res = await fetch(`${stack.url}/api/threads/${id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ text }),
    });
    expect(res.status).toBe(202);
  }

  it('answers the chosen comment; the composer follows the reply queued → sent; the sim received it once, under that comment', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'agent@demo.local');
    await openThread(page, thread.top.externalId);
    // Default: the newest customer comment (the sync may have brought more than the two), quoted above the composer.
    const [newest] = await stack.db.dataSource.query(
      `SELECT c.name FROM message m JOIN thread t ON t.id = m.thread_id JOIN contact c ON c.id = m.author_contact_id
        WHERE t.thread_key = $1 AND NOT m.is_from_account ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
      [thread.top.externalId],
    );
    await page.getByTestId('reply-to').waitFor();
    expect(await page.getByTestId('reply-to-name').textContent()).toBe(`Antwort an ${newest.name}`);
    // Choose the older comment with the keyboard-reachable chooser.
    await page.getByTestId('reply-to-select').click();
    await page.getByRole('option', { name: new RegExp(`^${thread.top.author!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ·`) }).click();
    expect(await page.getByTestId('reply-to-name').textContent()).toBe(`Antwort an ${thread.top.author!.name}`);

    const text = `Hallo ${thread.top.author!.name.split(' ')[0]}, wir kümmern uns darum (${Date.now()}).`;
    await composer(page).fill(text);
    await page.keyboard.press('Control+Enter');
    const progress = page.getByTestId('reply-progress');
    await progress.waitFor();
    await page.locator('[data-testid="reply-progress"][data-state="sent"]').waitFor({ timeout: 20_000 });
    expect(await progress.textContent()).toBe('Ihre Antwort wurde zugestellt.');
    const got = await received(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'comment_reply', targetId: thread.top.externalId });
  }, 90_000);

  it('says why a reply failed (revoked permission) in German and English, and Retry after the reconnect delivers it exactly once', async () => {
    const { page } = browser;
    await openThread(page, thread.top.externalId);
    await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ network: 'facebook', kind: 'token_revoked' }),
    });
    const text = `Wir melden uns gleich (${Date.now()}).`;
    try {
      await composer(page).fill(text);
      await page.getByTestId('composer-submit').click();
      await page.locator('[data-testid="reply-progress"][data-state="failed"]').waitFor({ timeout: 20_000 });
    } finally {
      await fetch(`${sim.url}/_sim/faults`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ network: 'facebook' }),
      });
    }
    // The reply's own call was refused (AUTH_REVOKED), or a sync that ran first had already found the
    // permission gone and the channel disconnected: either way the words say an admin must reconnect.
    const reasons = {
      AUTH_REVOKED: [
        'Das Netzwerk hat die Berechtigung des Kanals entzogen. Ein Admin muss den Kanal neu verbinden; dann erneut senden.',
        'The network withdrew this channel’s permission. An admin must reconnect the channel; then retry.',
      ],
      CHANNEL_DISCONNECTED: [
        'Der Kanal ist getrennt. Ein Admin muss ihn neu verbinden; dann erneut senden.',
        'The channel is disconnected. An admin must reconnect it; then retry.',
      ],
    };
    const failed = page.getByTestId('message').filter({ hasText: text });
    const code = (await failed.getByTestId('delivery-reason').getAttribute('data-code')) as keyof typeof reasons;
    expect(Object.keys(reasons)).toContain(code);
    const [reason, reasonEn] = reasons[code];
    expect(await page.getByTestId('reply-progress').textContent()).toBe(`Ihre Antwort konnte nicht zugestellt werden: ${reason}`);
    expect(await failed.getByTestId('delivery-reason').textContent()).toBe(reason);
    expect(await page.getByText('AUTH_REVOKED').count()).toBe(0);
    expect(await received(text)).toEqual([]);

    // The admin reconnects the channel (the row as POST /api/connect/... leaves it: connected, no failures).
    const [channel] = await stack.db.dataSource.query(`SELECT status FROM channel_account WHERE id = $1`, [stack.facebookChannelId]);
    expect(channel.status).toBe('needs_reauth');
    await stack.db.dataSource.query(`UPDATE channel_account SET status = 'connected', consecutive_auth_failures = 0, last_error = NULL WHERE id = $1`, [
      stack.facebookChannelId,
    ]);

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect(await failed.getByTestId('delivery-reason').textContent()).toBe(reasonEn);
    const retry = failed.getByTestId('delivery-retry');
    expect(await retry.textContent()).toBe('Retry sending');
    await retry.focus();
    await page.keyboard.press('Enter');
    try {
      await failed.locator('[data-testid="delivery-state"][data-state="sent"]').waitFor({ timeout: 30_000 });
    } catch (error) {
      const rows = await stack.db.dataSource.query(
        `SELECT m.delivery, m.delivery_error, m.delivery_attempts, ca.status, ca.last_error FROM message m JOIN channel_account ca ON ca.id = m.channel_account_id WHERE m.text = $1`,
        [text],
      );
      throw new Error(`not delivered after the retry: ${JSON.stringify(rows)}`, { cause: error });
    }
    // Exactly once on the network, also after the worker had given the reply up.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await received(text)).toHaveLength(1);
    await page.getByText('Deutsch', { exact: true }).click();
    await page.getByRole('heading', { name: 'Posteingang' }).waitFor();
  }, 90_000);

  it('inserts canned responses by /shortcut with Tab and Enter, and blocks a {{variable}} without a value', async () => {
    const { page } = browser;
    await openThread(page, thread.top.externalId);
    await composer(page).click();
    await page.keyboard.type('/dan');
    await page.getByTestId('canned-suggestions').waitFor();
    expect(await page.getByTestId('canned-option').first().textContent()).toContain('/danke');
    await page.keyboard.press('Tab');
    const danke = 'Vielen Dank für Ihre Nachricht! Wir kümmern uns sofort darum.';
    expect(await composerValue(page, danke)).toBe(danke);
    expect(await page.getByTestId('canned-suggestions').count()).toBe(0);
    // Typing after "/" filters the picker; Enter inserts (and does not send).
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('/thank');
    expect(await page.getByTestId('canned-option').count()).toBe(1);
    await page.keyboard.press('Enter');
    expect(await composerValue(page, `${danke}\nThanks for reaching out! We are on it.`)).toBe(`${danke}\nThanks for reaching out! We are on it.`);

    await composer(page).fill('Hallo {{contact.name}}, wir melden uns.');
    const unfilled = page.getByTestId('unfilled-variables');
    expect(await unfilled.textContent()).toBe('Füllen oder entfernen Sie {{contact.name}} vor dem Senden: Die Kundin oder der Kunde sähe es wörtlich.');
    expect(await page.getByTestId('composer-submit').isDisabled()).toBe(true);
    await page.keyboard.press('Control+Enter');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect(await unfilled.textContent()).toBe('Fill in or remove {{contact.name}} before sending: the customer would see it as written.');
    const [stored] = await stack.db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE text LIKE '%{{contact.name}}%'`);
    expect(stored.n).toBe(0);
    await composer(page).fill('');
    await page.getByText('Deutsch', { exact: true }).click();
    await page.getByRole('heading', { name: 'Posteingang' }).waitFor();
  }, 60_000);

  it('warns when a colleague replied since the agent started writing; the send then asks to confirm', async () => {
    const { page } = browser;
    const id = await threadId(thread.top.externalId);
    await openThread(page, thread.top.externalId);
    await composer(page).fill('Ich schaue mir das an.');
    await replyAsColleague(id, `Schon erledigt (${Date.now()}).`);
    const warning = page.getByTestId('newer-colleague');
    await warning.waitFor({ timeout: 15_000 });
    expect(await warning.textContent()).toBe('Alex Admin hat seit dem Öffnen in dieser Unterhaltung geantwortet. Bitte lesen Sie die Antwort vor dem Senden.');
    await page.getByTestId('composer-submit').click();
    // The API answers 409 (it saw the colleague's reply too): nothing sent until the agent confirms.
    await page.getByTestId('composer-submit').getByText('Trotzdem senden').waitFor();
    expect(await received('Ich schaue mir das an.')).toEqual([]);
    await page.getByTestId('composer-submit').click();
    await page.locator('[data-testid="reply-progress"][data-state="sent"]').waitFor({ timeout: 20_000 });
    expect(await received('Ich schaue mir das an.')).toHaveLength(1);
  }, 90_000);

  it('names a Messenger sender who arrives by webhook only', async () => {
    const { page } = browser;
    await page.goto(`${stack.url}/inbox`);
    await page.getByTestId('thread-row').first().waitFor();
    const text = `Hallo, wo bleibt meine Bestellung? (${Date.now()})`;
    // A sender the inbox knows by id only (as after webhooks alone): the sync had named this one, so forget the name.
    await stack.db.dataSource.query(`UPDATE contact SET name = NULL WHERE channel_account_id = $1 AND external_id = $2`, [
      stack.facebookChannelId,
      messengerCustomer.externalId,
    ]);
    const record: MessageRecord = {
      kind: 'message',
      network: 'facebook',
      externalId: `m_${Date.now()}`,
      threadKey: messengerThreadKey(messengerCustomer.externalId),
      channel: 'direct',
      parentExternalId: null,
      postExternalId: null,
      // A Messenger webhook names nobody: only the sender's page-scoped id.
      author: { externalId: messengerCustomer.externalId },
      text,
      createdAt: new Date().toISOString(),
      isFromAccount: false,
    };
    // What the API queues for a signed webhook delivery; the worker's ingest job does the rest.
    await ingestQueue.add('webhook', { channelAccountId: stack.facebookChannelId, source: `webhook-test-${Date.now()}`, records: [record] });
    const row = page.getByTestId('thread-row').filter({ hasText: text.slice(0, 30) });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain(messengerCustomer.name);
    await row.click();
    await page.getByTestId('contact-panel').getByText(messengerCustomer.name).first().waitFor();
  }, 60_000);

  it('lists the customer’s other conversations with links, and links the profile on the network', async () => {
    const { page } = browser;
    await page.goto(`${stack.url}/inbox/${await threadId(thread.top.externalId)}`);
    const history = page.getByTestId('contact-history');
    await history.waitFor();
    expect(await history.getByTestId('contact-profile-link').getAttribute('href')).toBe(`https://www.facebook.com/${thread.top.author!.externalId}`);
    const other = history.getByTestId('contact-thread');
    expect(await other.count()).toBe(1);
    expect(await other.textContent()).toContain('Eine frühere Frage zur Lieferung');
    await other.click();
    await page.waitForURL(`${stack.url}/inbox/${await threadId(`${thread.top.externalId}-earlier`)}`);
    await page.getByTestId('message-list').getByText('Eine frühere Frage zur Lieferung').waitFor();
  }, 60_000);

  it('at 390×844: the chosen comment, the /shortcut picker and the retry reason work on a phone', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${stack.url}/inbox/${await threadId(thread.top.externalId)}`);
      await page.getByTestId('reply-to').waitFor();
      await composer(page).click();
      await page.keyboard.type('/dan');
      await page.getByTestId('canned-suggestions').waitFor();
      const box = await page.getByTestId('canned-suggestions').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await page.keyboard.press('Enter');
      const danke = 'Vielen Dank für Ihre Nachricht! Wir kümmern uns sofort darum.';
      expect(await composerValue(page, danke)).toBe(danke);
      await composer(page).fill('Hallo {{kunde}}');
      await page.getByTestId('unfilled-variables').waitFor();
      expect(await page.getByTestId('composer-submit').isDisabled()).toBe(true);
      await composer(page).fill('');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  }, 60_000);
});
