import type { MessageRecord } from '@resonance/contracts';
import { startSim, type ReceivedItem, type RunningSim, type TruthItem } from '@resonance/sim';
import { startWorker, type WorkerHandle } from '@resonance/worker';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { startStack, type Stack } from './support/stack';

/**
 * An agent likes, hides and deletes customers' comments from the conversation pane: the buttons
 * under the comment, a confirmation before delete, the queued state, then the outcome arriving
 * live once the worker (in-process) has done it on the sim's Graph API.
 */
describe('comment actions in the browser (agent, German UI)', () => {
  let sim: RunningSim;
  let stack: Stack;
  let worker: WorkerHandle;
  let browser: BrowserHandle;
  let comments: TruthItem[];

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 23, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    const truth: TruthItem[] = sim.traffic.generate(60, 'facebook');
    const answered = new Set(truth.filter((t) => t.kind === 'comment' && t.fromAccount).map((t) => t.threadExternalId));
    comments = truth.filter((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId === null && !answered.has(t.externalId)).slice(0, 2);
    expect(comments).toHaveLength(2);
    stack = await startStack({ config: { SIM_URL: sim.url } });
    // Only these two threads, stored as a sync would store them (the worker's own sync is not awaited).
    await stack.ingest(
      comments.map((t): MessageRecord => ({
        kind: 'message',
        network: 'facebook',
        externalId: t.externalId,
        threadKey: t.externalId,
        channel: 'comment',
        parentExternalId: null,
        postExternalId: t.postExternalId,
        author: { externalId: t.author!.externalId, name: t.author!.name },
        text: t.text,
        createdAt: t.createdAt,
      })),
    );
    worker = await startWorker(stack.config, stack.db.url);
    browser = await launchBrowser({ locale: 'de-DE' });
  }, 180_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await worker?.close();
    await stack?.close();
    await sim?.close();
  });

  const received = async (): Promise<ReceivedItem[]> =>
    ((await (await fetch(`${sim.url}/_sim/received?network=facebook`)).json()) as { items: ReceivedItem[] }).items;

  async function open(text: string) {
    const { page } = browser;
    await page.getByTestId('filter-search').fill(text.split(/\s+/).slice(0, 3).join(' '));
    const row = page
      .getByTestId('thread-row')
      .filter({ hasText: comments.find((c) => c.text === text)!.author!.name })
      .first();
    await row.waitFor();
    await row.click();
    await page.getByTestId('message-list').getByText(text.slice(0, 30), { exact: false }).first().waitFor();
  }

  it('likes and hides a comment; the outcome arrives live and reached the network once each', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'agent@demo.local');
    await page.getByTestId('thread-row').first().waitFor();
    const target = comments[0];
    await open(target.text);
    const actions = page.getByTestId('message-actions').first();
    expect(await actions.getByTestId('action-like').textContent()).toBe('Gefällt mir');

    await actions.getByTestId('action-like').click();
    // Done on the network by the worker; the message.updated event turns the button into "unlike".
    await actions.getByTestId('action-unlike').waitFor({ timeout: 15_000 });
    await actions.getByText('gefällt uns').waitFor();

    await actions.getByTestId('action-hide').click();
    await page.getByTestId('message').first().getByText('ausgeblendet').waitFor({ timeout: 15_000 });
    await actions.getByTestId('action-unhide').waitFor();

    expect((await received()).filter((r) => r.targetId === target.externalId).map((r) => r.kind)).toEqual(['comment_like', 'comment_hide']);
  });

  it('deletes a comment only after confirming; cancel sends nothing', async () => {
    const { page } = browser;
    const target = comments[1];
    await open(target.text);
    const actions = page.getByTestId('message-actions').first();

    await actions.getByTestId('action-delete').click();
    await page.getByRole('dialog').getByText('Diesen Kommentar löschen?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect((await received()).filter((r) => r.targetId === target.externalId)).toEqual([]);

    await actions.getByTestId('action-delete').click();
    await page.getByTestId('confirm-delete').click();
    await page.getByTestId('message').first().getByText('gelöscht').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('message-actions').count()).toBe(0);
    expect((await received()).filter((r) => r.targetId === target.externalId).map((r) => r.kind)).toEqual(['comment_delete']);
  });
});
