import type { MessageRecord } from '@resonance/contracts';
import { ChannelAccount } from '@resonance/db';
import { startSim, type ReceivedItem, type RunningSim, type TruthItem } from '@resonance/sim';
import { IngestStore, startWorker, type WorkerHandle } from '@resonance/worker';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { startStack, type Stack } from './support/stack';

/**
 * Moderation offered as each network allows it (issue 25), the way an agent does it: on X the
 * reply in the account's own conversation shows Hide (a mention does not), the agent hides it;
 * on YouTube the agent hides a comment (moderation status rejected). The outcome arrives live once
 * the worker has done it on the sim — once each.
 */
describe('moderation on other networks in the browser (agent, English UI)', () => {
  let sim: RunningSim;
  let stack: Stack;
  let worker: WorkerHandle;
  let browser: BrowserHandle;
  let reply: TruthItem;
  let mention: TruthItem;
  let ytComment: TruthItem;

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 31, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    const truth: TruthItem[] = sim.traffic.generate(80, 'x');
    const ytTruth: TruthItem[] = sim.traffic.generate(40, 'youtube');
    ytComment = ytTruth.find((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId === null)!;
    expect(ytComment).toBeDefined();
    const customers = truth.filter((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId === null);
    reply = customers.find((t) => t.postExternalId !== null)!;
    mention = customers.find((t) => t.postExternalId === null)!;
    expect(reply).toBeDefined();
    expect(mention).toBeDefined();
    stack = await startStack({ config: { SIM_URL: sim.url } });
    // The demo workspace's X and YouTube channels (seedDemo), holding these conversations as a sync would store them.
    const channels = stack.db.dataSource.getRepository(ChannelAccount);
    const x = await channels.findOneByOrFail({ workspaceId: stack.workspaceId, network: 'x' });
    const youtube = await channels.findOneByOrFail({ workspaceId: stack.workspaceId, network: 'youtube' });
    const record = (t: TruthItem, network: 'x' | 'youtube'): MessageRecord => ({
      kind: 'message',
      network,
      externalId: t.externalId,
      threadKey: t.threadExternalId!,
      channel: 'comment',
      parentExternalId: null,
      postExternalId: t.postExternalId,
      author: { externalId: t.author!.externalId, name: t.author!.name },
      text: t.text,
      createdAt: t.createdAt,
    });
    const store = new IngestStore(stack.db.dataSource);
    await store.ingest(x.id, [record(reply, 'x'), record(mention, 'x')]);
    await store.ingest(youtube.id, [record(ytComment, 'youtube')]);
    worker = await startWorker(stack.config, stack.db.url);
    browser = await launchBrowser({ locale: 'en-US' });
  }, 180_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await worker?.close();
    await stack?.close();
    await sim?.close();
  });

  const received = async (network: 'x' | 'youtube'): Promise<ReceivedItem[]> =>
    ((await (await fetch(`${sim.url}/_sim/received?network=${network}`)).json()) as { items: ReceivedItem[] }).items;

  async function open(t: TruthItem) {
    const { page } = browser;
    await page.getByTestId('filter-search').fill(
      t.text
        .replace(/^@\S+\s*/, '')
        .split(/\s+/)
        .slice(0, 3)
        .join(' '),
    );
    const row = page.getByTestId('thread-row').filter({ hasText: t.author!.name }).first();
    await row.waitFor();
    await row.click();
    await page.getByTestId('message-list').getByText(t.text.slice(0, 30), { exact: false }).first().waitFor();
  }

  it('hides an X reply: only where X allows it, the outcome arrives live, X was asked once', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'agent@demo.local');
    await page.getByTestId('thread-row').first().waitFor();

    // A mention in someone else's conversation: X lets the account like it, not hide it.
    await open(mention);
    const mentionActions = page.getByTestId('message-actions').first();
    await mentionActions.getByTestId('action-like').waitFor();
    expect(await mentionActions.getByTestId('action-hide').count()).toBe(0);

    await open(reply);
    const actions = page.getByTestId('message-actions').first();
    expect(await actions.getByTestId('action-hide').textContent()).toBe('Hide');
    await actions.getByTestId('action-hide').focus();
    await page.keyboard.press('Enter');
    await actions.getByTestId('action-unhide').waitFor({ timeout: 15_000 });
    expect((await received('x')).filter((r) => r.targetId === reply.externalId).map((r) => r.kind)).toEqual(['comment_hide']);
  });

  it('hides a YouTube comment (moderation status rejected); YouTube offers no like', async () => {
    const { page } = browser;
    await open(ytComment);
    const actions = page.getByTestId('message-actions').first();
    await actions.getByTestId('action-hide').waitFor();
    expect(await actions.getByTestId('action-like').count()).toBe(0);
    await actions.getByTestId('action-hide').click();
    await actions.getByTestId('action-unhide').waitFor({ timeout: 15_000 });
    const calls = (await received('youtube')).filter((r) => r.targetId === ytComment.externalId);
    expect(calls.map((r) => r.kind)).toEqual(['comment_hide']);
    expect(calls[0].body).toMatchObject({ moderationStatus: 'rejected' });
  });
});
