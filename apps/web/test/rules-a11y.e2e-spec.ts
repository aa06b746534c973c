import type { Queue } from 'bullmq';
import type { MessageRecord, RuleInput } from '@resonance/contracts';
import { createQueueBackend, prepareQueueBackend, QueueName } from '@resonance/queue';
import { startSim, type RunningSim } from '@resonance/sim';
import { IngestStore, queueRuleWork, startWorker, type WorkerHandle } from '@resonance/worker';
import { violations } from './support/axe';
import { launchBrowser, signIn, type BrowserHandle, type Page } from './support/browser';
import { startStack, type Stack } from './support/stack';

const SEED = 2503;
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: '390×844', width: 390, height: 844 },
] as const;
const LANGUAGES = [
  { language: 'de', locale: 'de-DE' },
  { language: 'en', locale: 'en-US' },
] as const;

/**
 * WCAG 2.1 AA (axe-core, the rules of a11y.e2e-spec.ts) on what rules add to the dashboard
 * (issue 25): Admin → Rules with rules of every kind, the rule editor open on a rule that uses
 * every condition and action, a thread whose messages carry a pending suggestion and an
 * automatic hide with Undo, and the "Hidden by rules" drawer — in German and English, at desktop
 * size and at 390×844.
 */
describe('rules: accessibility (axe-core, WCAG 2.1 AA) in the browser', () => {
  let sim: RunningSim;
  let stack: Stack;
  let worker: WorkerHandle;
  let queue: Queue;
  let store: IngestStore;
  let threadId: string;

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: SEED, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    stack = await startStack({ config: { SIM_URL: sim.url } });
    const backend = createQueueBackend({ redisUrl: stack.config.REDIS_URL, databaseUrl: stack.db.url, prefix: stack.config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    store = new IngestStore(stack.db.dataSource, { rulesRecheckMs: 0, onRuleWork: (work) => queueRuleWork(queue, work) });
    worker = await startWorker(stack.config, stack.db.url);

    const [canned] = await stack.db.dataSource.query<Array<{ id: string }>>(`SELECT id FROM canned_response WHERE workspace_id = $1 LIMIT 1`, [
      stack.workspaceId,
    ]);
    const [agent] = await stack.db.dataSource.query<Array<{ id: string }>>(`SELECT id FROM users WHERE workspace_id = $1 AND role = 'agent' LIMIT 1`, [
      stack.workspaceId,
    ]);
    const rule = (r: Omit<RuleInput, 'enabled' | 'stopAfter'> & Partial<RuleInput>): RuleInput => ({ enabled: true, stopAfter: false, ...r });
    const rules: RuleInput[] = [
      rule({ name: 'Links ausblenden', mode: 'auto', stopAfter: true, conditions: [{ type: 'link' }], actions: [{ type: 'hide' }] }),
      rule({
        name: 'Rabatt taggen',
        mode: 'suggest',
        conditions: [{ type: 'keywords', words: ['Rabatt', 'discount'] }],
        actions: [{ type: 'tags', tags: ['deal'] }],
      }),
      // Every condition and action once: the editor draws each of its fields.
      rule({
        name: 'Alles auf einmal',
        enabled: false,
        mode: 'auto',
        conditions: [
          { type: 'network', networks: ['facebook'] },
          { type: 'channel', channelIds: [stack.facebookChannelId] },
          { type: 'kind', kinds: ['comment'] },
          { type: 'intent', intents: ['complaint_support'] },
          { type: 'sentiment', below: -0.2, above: -0.9 },
          { type: 'keywords', words: ['kaputt', 'broken'] },
          { type: 'regex', pattern: '#\\d{6}' },
          { type: 'link' },
          { type: 'author', list: 'block', authors: ['@troll'] },
          { type: 'author', list: 'allow', authors: ['@vip'] },
          { type: 'firstTime' },
          { type: 'outsideHours' },
          { type: 'spam' },
        ],
        actions: [
          { type: 'like' },
          ...(agent ? [{ type: 'assign' as const, userId: agent.id }] : []),
          { type: 'assignRoundRobin' },
          { type: 'priority', priority: 3 },
          { type: 'tags', tags: ['beschwerde'] },
          { type: 'markHandled' },
          ...(canned ? [{ type: 'reply' as const, cannedResponseId: canned.id }] : []),
        ],
      }),
    ];
    await stack.db.dataSource.query(
      `INSERT INTO rule (workspace_id, position, name, enabled, mode, stop_after, conditions, actions)
       SELECT $1, r.position, r.name, r.enabled, r.mode, r."stopAfter", r.conditions, r.actions
         FROM json_to_recordset($2::json) AS r(position int, name text, enabled boolean, mode text, "stopAfter" boolean, conditions jsonb, actions jsonb)`,
      [stack.workspaceId, JSON.stringify(rules.map((r, i) => ({ position: i + 1, ...r })))],
    );

    // One thread at the sim's post: a comment a rule suggests tagging, and one with a link that a rule hides on its own.
    const items = sim.traffic.generate(60, 'facebook').filter((i) => i.kind === 'comment' && i.postExternalId && !i.fromAccount);
    // Two of the sim's comments (so the hide reaches the sim), stored as one thread: the second as a reply to the first.
    const [top, reply] = items.filter((i) => i.threadExternalId === i.externalId);
    if (!top || !reply) throw new Error('the sim generated fewer than two top-level comments in 60 items');
    const record = (t: typeof top, text: string, n: number): MessageRecord => ({
      kind: 'message',
      network: 'facebook',
      externalId: t.externalId,
      threadKey: top.externalId,
      channel: 'comment',
      parentExternalId: t === top ? null : top.externalId,
      postExternalId: t.postExternalId,
      author: { externalId: `a11y-author-${n}`, name: n === 1 ? 'Erika Mustermann' : 'Gewinn Bot' },
      isFromAccount: false,
      text,
      createdAt: new Date(Date.now() - (3 - n) * 60_000).toISOString(),
    });
    await store.ingest(stack.facebookChannelId, [
      record(top, 'Gibt es einen Rabatt auf die Regenjacke?', 1),
      record(reply, 'Gewinnspiel! Hier klicken: https://gewinn-jetzt.example/xyz', 2),
    ]);
    const [row] = await stack.db.dataSource.query<Array<{ id: string }>>(`SELECT thread_id::text AS id FROM message WHERE external_id = $1`, [top.externalId]);
    threadId = row.id;
    // The hide has reached the sim, so the thread shows the hidden comment as it is then.
    for (let i = 0; i < 150; i++) {
      const [a] = await stack.db.dataSource.query<Array<{ state: string }>>(
        `SELECT a.state FROM message_action a JOIN message m ON m.id = a.message_id WHERE m.external_id = $1`,
        [reply.externalId],
      );
      if (a?.state === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await store?.close();
    await queue?.close();
    await stack?.close();
    await sim?.close();
  });

  /** `within`: a drawer is checked by itself (the page under its overlay is not for reading). */
  const PAGES: Array<{ name: string; open: (page: Page) => Promise<void>; within?: string }> = [
    {
      name: 'Admin → Rules',
      open: async (p) => {
        await p.goto(`${stack.url}/admin/rules`);
        await p.getByTestId('rule-row').nth(2).waitFor();
      },
    },
    {
      name: 'the rule editor (every condition and action)',
      open: async (p) => {
        await p.goto(`${stack.url}/admin/rules`);
        await p.getByTestId('rule-row').filter({ hasText: 'Alles auf einmal' }).getByTestId('rule-edit').click();
        await p.getByTestId('rule-editor').waitFor();
      },
    },
    {
      name: 'a thread with a suggestion and an automatic hide',
      open: async (p) => {
        await p.goto(`${stack.url}/inbox/${threadId}`);
        await p.getByTestId('rule-suggestion').waitFor();
        await p.getByTestId('rule-run').waitFor();
      },
    },
    {
      name: 'Hidden by rules',
      open: async (p) => {
        await p.goto(`${stack.url}/inbox`);
        await p.getByTestId('hidden-by-rules').click();
        await p.getByTestId('hidden-item').first().waitFor();
        // Scanned once the drawer stopped sliding in: mid-transition its text blends with the overlay.
        await p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      },
      within: '.mantine-Drawer-content',
    },
  ];

  for (const { language, locale } of LANGUAGES) {
    describe(`in ${language}`, () => {
      let browser: BrowserHandle;

      beforeAll(async () => {
        browser = await launchBrowser({ locale });
        await signIn(browser.page, stack.url, 'admin@demo.local');
      }, 60_000);

      afterAll(async () => {
        if (browser?.problems.length) console.log(browser.problems.join('\n'));
        await browser?.close();
      });

      for (const size of SIZES) {
        for (const target of PAGES) {
          it(`${target.name} at ${size.name} has no WCAG 2.1 AA violation`, async () => {
            const { page } = browser;
            await page.setViewportSize({ width: size.width, height: size.height });
            await target.open(page);
            expect(await violations(page, target.within)).toEqual([]);
          }, 120_000);
        }
      }
    });
  }
});
