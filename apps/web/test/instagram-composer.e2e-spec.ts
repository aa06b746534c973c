import type { MessageRecord } from '@resonance/contracts';
import { ChannelAccount } from '@resonance/db';
import { startSim, type ReceivedItem, type RunningSim, type TruthItem } from '@resonance/sim';
import { IngestStore, startWorker, type WorkerHandle } from '@resonance/worker';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { startStack, type Stack } from './support/stack';

const PHONE = { width: 390, height: 844 };

/**
 * Issue 27, Instagram in the agent's composer: an agent answers a customer's comment privately
 * (the composer offers it because the API lists private_reply for that comment) and finds the
 * message in the direct conversation with the author, sent to Instagram once; in German at 390 px
 * the composer of a direct conversation whose 24-hour window closed is disabled and says why
 * before anyone types; an admin records Meta's HUMAN_AGENT approval and the same conversation can
 * be answered again (7 days).
 */
describe('Instagram composer: private reply, messaging window, HUMAN_AGENT (browser)', () => {
  let sim: RunningSim;
  let stack: Stack;
  let worker: WorkerHandle;
  let agent: BrowserHandle;
  let comment: TruthItem;
  let dmThreadId: string;

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 37, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    // The sim's Instagram app has Meta's HUMAN_AGENT approval here, as the demo's has (the sim refuses the tag otherwise).
    sim.instagram.state.humanAgentApproved = true;
    const truth: TruthItem[] = sim.traffic.generate(120, 'instagram');
    const own = new Set(truth.filter((t) => t.kind === 'post').map((t) => t.externalId));
    const recent = Date.now() - 5 * 86_400_000;
    comment = truth.find(
      (t) =>
        t.kind === 'comment' &&
        !t.fromAccount &&
        t.parentExternalId === null &&
        own.has(t.postExternalId ?? '') &&
        t.author &&
        Date.parse(t.createdAt) > recent,
    )!;
    expect(comment).toBeDefined();
    stack = await startStack({ config: { SIM_URL: sim.url } });
    const instagram = await stack.db.dataSource.getRepository(ChannelAccount).findOneByOrFail({ workspaceId: stack.workspaceId, network: 'instagram' });
    const records: MessageRecord[] = [
      {
        kind: 'message',
        network: 'instagram',
        externalId: comment.externalId,
        threadKey: comment.threadExternalId!,
        channel: 'comment',
        parentExternalId: null,
        postExternalId: comment.postExternalId,
        author: { externalId: comment.author!.externalId, name: comment.author!.name, handle: comment.author!.name },
        text: comment.text,
        createdAt: comment.createdAt,
      },
      // A direct conversation whose customer last wrote 30 hours ago: outside the 24-hour window.
      {
        kind: 'message',
        network: 'instagram',
        externalId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAwOjMwaA',
        threadKey: 'dm:1790000000000027',
        channel: 'direct',
        parentExternalId: null,
        postExternalId: null,
        author: { externalId: '1790000000000027', name: 'Lena Fahrrad', handle: 'lena.fahrrad' },
        text: 'Ist das Lastenrad noch lieferbar?',
        createdAt: new Date(Date.now() - 30 * 3600_000).toISOString(),
      },
    ];
    await new IngestStore(stack.db.dataSource).ingest(instagram.id, records);
    [{ id: dmThreadId }] = await stack.db.dataSource.query<Array<{ id: string }>>(
      `SELECT id::text FROM thread WHERE channel_account_id = $1 AND thread_key = 'dm:1790000000000027'`,
      [instagram.id],
    );
    worker = await startWorker(stack.config, stack.db.url);
    agent = await launchBrowser({ locale: 'en-US' });
  }, 180_000);

  afterAll(async () => {
    if (agent?.problems.length) console.log(agent.problems.join('\n'));
    await agent?.close();
    await worker?.close();
    await stack?.close();
    await sim?.close();
  });

  const received = async (): Promise<ReceivedItem[]> =>
    ((await (await fetch(`${sim.url}/_sim/received?network=instagram`)).json()) as { items: ReceivedItem[] }).items;

  it('an agent answers an Instagram comment privately and sees the message in the conversation with its author', async () => {
    const { page } = agent;
    await signIn(page, stack.url, 'agent@demo.local');
    await page.getByTestId('filter-search').fill(comment.text.split(/\s+/).slice(0, 3).join(' '));
    const row = page.getByTestId('thread-row').filter({ hasText: comment.author!.name }).first();
    await row.waitFor();
    await row.click();
    await page.getByTestId('message-list').getByText(comment.text.slice(0, 30), { exact: false }).first().waitFor();

    const composer = page.getByTestId('composer');
    await composer.getByText('Reply privately', { exact: true }).click();
    await expect(page.getByTestId('composer-submit').textContent()).resolves.toBe('Send private reply');
    const text = `We sent you the details by direct message (${Date.now()}).`;
    await page.getByTestId('composer-text').fill(text);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('composer-feedback').filter({ hasText: 'Private reply queued' }).waitFor({ timeout: 20_000 });
    // The comment says it was answered privately, and no longer offers it.
    await page.getByTestId('private-reply-badge').waitFor();
    expect(await composer.getByText('Reply privately', { exact: true }).count()).toBe(0);

    await page.getByTestId('private-reply-open').click();
    await page.getByTestId('message-list').getByText(text).waitFor({ timeout: 20_000 });
    const got = await waitForReceived(text);
    expect(got.map((r) => [r.kind, r.targetId])).toEqual([['private_message', comment.externalId]]);
  }, 120_000);

  async function waitForReceived(text: string): Promise<ReceivedItem[]> {
    for (let i = 0; i < 60; i++) {
      const got = (await received()).filter((r) => r.text === text);
      if (got.length) return got;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return [];
  }

  it('German at 390 px: the closed window is explained before anyone types, and the composer is disabled', async () => {
    const de = await launchBrowser({ locale: 'de-DE' });
    try {
      const { page } = de;
      await page.setViewportSize(PHONE);
      await signIn(page, stack.url, 'agent@demo.local');
      await page.goto(`${stack.url}/inbox/${dmThreadId}`);
      const notice = page.getByTestId('reply-window');
      await notice.waitFor();
      const said = (await notice.textContent()) ?? '';
      expect(said).toContain('Instagram erlaubt Antworten nur innerhalb von 24 Stunden');
      expect(said).toContain('Das Zeitfenster hat sich');
      expect(await page.getByTestId('composer-text').isDisabled()).toBe(true);
      expect(await page.getByTestId('composer-submit').isDisabled()).toBe(true);
      // Readable at 390 px: nothing wider than the screen, the notice within it.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      const box = await notice.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
      if (de.problems.length) console.log(de.problems.join('\n'));
    } finally {
      await de.close();
    }
  }, 90_000);

  it('an admin records the HUMAN_AGENT approval: the same conversation can be answered (7 days)', async () => {
    const admin = await launchBrowser({ locale: 'en-US' });
    try {
      const { page } = admin;
      await signIn(page, stack.url, 'admin@demo.local');
      await page.goto(`${stack.url}/admin/settings`);
      const toggle = page.getByLabel('Meta has approved our app for the HUMAN_AGENT tag');
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(false);
      await page.getByTestId('human-agent-setting').getByText('App Review', { exact: false }).waitFor();
      // The switch shows what the API saved: it turns on once the answer is there.
      await toggle.click({ force: true });
      await page.getByText('HUMAN_AGENT setting saved.').waitFor();
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid="human-agent-switch"]')?.checked === true);
      const [row] = await stack.db.dataSource.query<Array<{ approved: unknown }>>(
        `SELECT settings -> 'humanAgentTagApproved' AS approved FROM workspace WHERE id = $1`,
        [stack.workspaceId],
      );
      expect(row.approved).toBe(true);
    } finally {
      await admin.close();
    }
    const { page } = agent;
    await page.goto(`${stack.url}/inbox/${dmThreadId}`);
    await page.getByTestId('composer-text').waitFor();
    expect(await page.getByTestId('composer-text').isDisabled()).toBe(false);
    expect(await page.getByTestId('reply-window').count()).toBe(0);
  }, 90_000);
});
