import { readFileSync } from 'node:fs';
import type { MessageRecord, PostRecord } from '@resonance/contracts';
import { buildHistory, TrafficGenerator, type GeneratedItem } from '@resonance/sim';
import { Rollups } from '@resonance/worker';
import { launchBrowser, signIn, type BrowserHandle, type Page } from './support/browser';
import { startStack, type Stack } from './support/stack';

/**
 * A marketing lead reads the perception gap of the demo world (the simulator's 30-day Facebook
 * history, as `npm start` shows it): customers ask about discounts and buying far more often than
 * the company posts deals. They open the messages behind a bar and export the CSV, in German and
 * in English.
 */
const DEAL_INTENTS = ['discount_request', 'purchase_intent'];

/** The simulator's history items as the Facebook connector hands them to the ingest. */
function toRecords(items: GeneratedItem[], pageId: string): Array<PostRecord | MessageRecord> {
  return items.map((item): PostRecord | MessageRecord => {
    const createdAt = new Date(item.createdAt).toISOString();
    if (item.kind === 'post') return { kind: 'post', network: 'facebook', externalId: `p${item.seq}`, text: item.text, publishedAt: createdAt };
    const account = { externalId: pageId, name: 'Resonance Demo' };
    if (item.kind === 'comment')
      return {
        kind: 'message',
        network: 'facebook',
        externalId: `c${item.seq}`,
        threadKey: `t${item.threadSeq}`,
        channel: 'comment',
        parentExternalId: item.parentSeq === null ? null : `c${item.parentSeq}`,
        postExternalId: `p${item.postSeq}`,
        author: item.author ? { externalId: `u${item.author.index}`, name: item.author.name } : account,
        isFromAccount: item.fromAccount,
        text: item.text,
        createdAt,
      };
    return {
      kind: 'message',
      network: 'facebook',
      externalId: `m${item.seq}`,
      threadKey: `dm${item.customer.index}`,
      channel: 'direct',
      author: item.fromAccount ? account : { externalId: `u${item.customer.index}`, name: item.customer.name },
      isFromAccount: item.fromAccount,
      text: item.text,
      createdAt,
    };
  });
}

const percentIn = (text: string) => Number(/([0-9]+)\s?%/.exec(text)?.[1] ?? NaN);

describe('perception gap in the browser (marketing lead, demo world)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    const [{ external_id: pageId }] = await stack.db.dataSource.query<Array<{ external_id: string }>>(`SELECT external_id FROM channel_account WHERE id = $1`, [
      stack.facebookChannelId,
    ]);
    const customers = new TrafficGenerator({ seed: 'demo:facebook' });
    const items = buildHistory({ seed: 'demo', network: 'facebook', days: 30, endAt: Date.now(), customer: (i) => customers.customer(i) });
    const records = toRecords(items, pageId);
    for (let i = 0; i < records.length; i += 200) await stack.ingest(records.slice(i, i + 200));
    await new Rollups(stack.db.dataSource).drainAll();
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  async function readTheGap(browser: BrowserHandle, words: { tab: string; headline: RegExp; drillTitle: RegExp; definition: RegExp }) {
    const { page } = browser;
    await signIn(page, stack.url, 'analyst@demo.local');
    await page.getByRole('tab', { name: words.tab }).click();
    await page.waitForURL((url) => url.pathname === '/reports/perception-gap');
    const headline = page.getByTestId('gap-headline');
    await headline.waitFor();
    expect(await headline.textContent()).toMatch(words.headline);

    // Deals: customers' share far above the posts' share.
    const deals = page.locator('[data-testid="gap-table"] tr[data-topic="deals"]');
    const cells = await deals.locator('td').allTextContents();
    const postsShare = percentIn(cells[0]);
    const messagesShare = percentIn(cells[1]);
    expect({ postsShare, messagesShare, farAbove: messagesShare >= postsShare + 20 }).toEqual({ postsShare, messagesShare, farAbove: true });
    const gapText = (await page.getByTestId('gap-points-deals').textContent()) ?? '';
    const gapPoints = Number((/[+-]?\d+(?:[.,]\d+)?/.exec(gapText)?.[0] ?? '').replace(',', '.'));
    expect(gapPoints).toBeGreaterThanOrEqual(20);

    // The definition is one click away, in the UI's language.
    await page.getByTestId('gap-definition-toggle').click();
    expect(await page.getByTestId('gap-definition').textContent()).toMatch(words.definition);

    // One click on the customers' deals bar lists the messages behind it, for the same period.
    await page.getByTestId('gap-chart').locator('.recharts-bar-rectangles').nth(1).locator('.recharts-rectangle').first().click();
    await page.waitForURL((url) => url.searchParams.get('gap') === 'messages:deals');
    const drill = page.getByTestId('gap-drilldown');
    await drill.getByTestId('gap-item').first().waitFor();
    expect(await drill.locator('h3').textContent()).toMatch(words.drillTitle);
    const intents = await drill.getByTestId('gap-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-intent')));
    expect(intents.length).toBeGreaterThan(0);
    for (const intent of intents) expect(DEAL_INTENTS).toContain(intent);

    // A changed period stays with the drill-down.
    await page.getByRole('combobox', { name: /^(Zeitraum|Period)$/ }).click();
    await page.getByRole('option', { name: /7/ }).click();
    await page.waitForURL((url) => url.searchParams.get('period') === '7d' && url.searchParams.get('gap') === 'messages:deals');
    await drill.getByTestId('gap-item').first().waitFor();

    // The CSV: named columns, percent and percentage points, the same deals numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-perception-gap').click()]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('period,network,topic,posts,posts_share_percent,messages_asking,messages_share_percent,gap_percentage_points,intents_counted');
    const dealsLine = csv.find((l) => l.split(',')[2] === 'deals') ?? '';
    const [, network, , , postsPercent, , messagesPercent, points] = dealsLine.split(',');
    expect(network).toBe('all');
    expect(Number(messagesPercent)).toBeGreaterThan(Number(postsPercent) + 20);
    expect(Number(points)).toBeCloseTo(Number(messagesPercent) - Number(postsPercent), 0);
    return page;
  }

  async function fitsAPhone(page: Page) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('gap-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  it('in German: the lead sees the gap, opens the messages behind the deals bar and exports the CSV', async () => {
    const browser = await launchBrowser({ locale: 'de-DE' });
    try {
      const page = await readTheGap(browser, {
        tab: 'Wahrnehmungslücke',
        headline: /Kundinnen und Kunden fragen in \d+\s?% ihrer Nachrichten nach Angeboten und Kauf, aber nur \d+\s?% Ihrer Posts/,
        drillTitle: /Kundennachrichten zum Thema Angebote/,
        definition: /Angebote ↔ Rabattanfragen und Kaufabsicht/,
      });
      await fitsAPhone(page);
      expect(await page.getByTestId('response-by-intent-table').locator('tr[data-intent="discount_request"]').count()).toBe(1);
      expect(await page.getByTestId('regulars-summary').textContent()).toMatch(/\d+ Stammkommentierende/);
    } finally {
      if (browser.problems.length) console.log(browser.problems.join('\n'));
      await browser.close();
    }
  }, 180_000);

  it('in English: the same story in English words', async () => {
    const browser = await launchBrowser({ locale: 'en-US' });
    try {
      await readTheGap(browser, {
        tab: 'Perception gap',
        headline: /Customers ask about deals and buying in \d+% of their messages, but only \d+% of your posts are about deals/,
        drillTitle: /Customer messages asking about Deals/,
        definition: /deals ↔ discount requests and purchase intent/,
      });
    } finally {
      if (browser.problems.length) console.log(browser.problems.join('\n'));
      await browser.close();
    }
  }, 180_000);
});
