import { Rollups } from '@resonance/worker';
import { dictionaries } from '../src/shared/i18n/dictionary';
import { launchBrowser, signIn, type BrowserHandle, type Page } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const berlinDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
const TODAY = berlinDay(Date.now());
const THREE_DAYS_AGO = berlinDay(Date.now() - 3 * 86_400_000);

/**
 * English words that must not show in the German reports: every English dictionary value that
 * differs from its German one, matched as whole words (a value with placeholders by its longest
 * fixed part). Also raw snake_case identifiers and UUIDs.
 */
function untranslated(text: string, language: 'de' | 'en'): string[] {
  const found: string[] = [];
  if (language === 'de') {
    const en: Record<string, string> = dictionaries.en;
    const de: Record<string, string> = dictionaries.de;
    for (const [key, english] of Object.entries(en)) {
      if (de[key] === english) continue;
      const fixed = english
        .split(/\{[a-zA-Z]+\}/)
        .map((s) => s.trim())
        .sort((a, b) => b.length - a.length)[0];
      // Short fragments of templates ("on", "to") are not evidence; whole short values ("Day") are.
      if (!fixed || (fixed !== english.trim() && fixed.length < 12) || !/\p{L}{2}/u.test(fixed)) continue;
      const escaped = fixed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text)) found.push(`${key}: "${fixed}"`);
    }
  }
  for (const m of text.match(/\b[a-z]+(?:_[a-z0-9]+)+\b/g) ?? []) found.push(`snake_case: ${m}`);
  for (const m of text.match(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi) ?? []) found.push(`uuid: ${m}`);
  for (const m of text.match(/\b(?:slaTargetMinutes|waiting_since|weightedEngagement|commentsPer1000\w*)\b/g) ?? []) found.push(`field: ${m}`);
  return found;
}

// The gap tab's definitions sit collapsed under a "how is this counted" toggle, so the toggle marks it.
const DEFINITIONS = '[data-testid="definitions"], [data-testid="gap-definition-toggle"]';

async function waitForTab(page: Page, tab: string) {
  // A tab has loaded when it is the shown one (the tab switch is a navigation, rendered in a
  // transition), its definitions show, no loader spins and no report is loading any more: the
  // trends answer after the headline numbers without a loader (the page is aria-busy until then).
  // The perception-gap tab words its definitions beside each section, behind a toggle, rather than in one card.
  await page.locator(`[data-testid="${tab}"][aria-selected="true"]`).waitFor();
  await page.locator(DEFINITIONS).filter({ visible: true }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="reports-page"] .mantine-Loader-root'));
  await page.locator('[data-testid="reports-page"][aria-busy="false"]').waitFor();
}

describe('reports a marketing lead reads (custom period, trends, top posts, drill-down, both languages)', () => {
  let stack: Stack;
  let browser: BrowserHandle;

  beforeAll(async () => {
    stack = await startStack();
    await stack.db.dataSource.query(`UPDATE channel_account SET followers = 2000 WHERE id = $1`, [stack.facebookChannelId]);
    const post = (id: string, text: string, counts: { reactions: number; comments: number; shares: number }, minutes: number) => ({
      kind: 'post' as const,
      network: 'facebook' as const,
      externalId: id,
      text,
      url: null as never,
      publishedAt: minutesAgo(minutes),
      counts: { ...counts, views: 5000 },
    });
    await stack.ingest([
      post('p-small', 'Unser Team stellt sich vor', { reactions: 10, comments: 0, shares: 0 }, 2000),
      post('p-big', 'Sommerschlussverkauf: 30 % auf alles', { reactions: 300, comments: 0, shares: 40 }, 1900),
      post('p-mid', 'Neue Farben der Kollektion', { reactions: 80, comments: 0, shares: 5 }, 1800),
    ]);
    const comments = [
      fbComment({ threadKey: 'b1', postExternalId: 'p-big', authorName: 'Erika', text: 'Gibt es einen Rabattcode für Neukunden?', createdAt: minutesAgo(900) }),
      fbComment({ threadKey: 'b2', postExternalId: 'p-big', authorName: 'Max', text: 'Gilt der Rabatt auch online?', createdAt: minutesAgo(800) }),
      fbComment({ threadKey: 'b2', postExternalId: 'p-big', authorName: 'Max', text: 'Und für Schuhe?', createdAt: minutesAgo(790) }),
      fbComment({ threadKey: 'm1', postExternalId: 'p-mid', authorName: 'Lena', text: 'Meine Bestellung ist kaputt angekommen!', createdAt: minutesAgo(700) }),
      fbComment({ threadKey: 's1', postExternalId: 'p-small', authorName: 'Jonas', text: 'Schönes Team!', createdAt: minutesAgo(600) }),
      fbComment({
        threadKey: 'b1',
        postExternalId: 'p-big',
        authorName: 'Resonance Demo',
        text: 'Mit SOCIAL10 sparen Sie 10 %.',
        isFromAccount: true,
        createdAt: minutesAgo(870),
      }),
    ];
    await stack.ingest(comments);
    await new Rollups(stack.db.dataSource).drainAll();
    browser = await launchBrowser({ locale: 'de-DE' });
    await signIn(browser.page, stack.url, 'analyst@demo.local');
  }, 180_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
  });

  it('a lead picks a custom period (a wrong one is explained and changes nothing) and sees trends', async () => {
    const { page } = browser;
    await page.goto(`${stack.url}/reports/response-times`);
    await page.getByTestId('response-kpis').waitFor();
    await page.getByTestId('period-select').click();
    await page.getByRole('option', { name: 'Eigener Zeitraum' }).click();
    // The last day before the first: the API refuses it, the page says why in German, the URL keeps its period.
    await page.getByTestId('range-from').fill(TODAY);
    await page.getByTestId('range-to').fill(THREE_DAYS_AGO);
    await page.getByTestId('range-apply').click();
    await page.getByTestId('range-error').getByText('Der letzte Tag liegt vor dem ersten').waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toBeNull();
    await page.getByTestId('range-from').fill(THREE_DAYS_AGO);
    await page.getByTestId('range-to').fill(TODAY);
    await page.getByTestId('range-apply').click();
    await page.waitForURL((url) => url.searchParams.get('period') === `${THREE_DAYS_AGO}..${TODAY}`);
    expect(await page.getByTestId('range-error').count()).toBe(0);
    // Trends: a line per headline number; the step switches to weeks.
    await page.getByTestId('trend').first().locator('svg').first().waitFor();
    await page.getByTestId('trend-step').getByText('Woche').click();
    await page.waitForURL((url) => url.searchParams.get('step') === 'week');
    // The formula is one click away, in German.
    await page.getByTestId('formula-firstResponse').first().click();
    await page.getByTestId('formula').getByText('Erstreaktionszeit = Zeitpunkt der ersten Antwort').waitFor();
  });

  it('top posts are ordered by the stated measure and open their comments, keeping the period', async () => {
    const { page } = browser;
    await page.getByTestId('tab-resonance').click();
    const table = page.getByTestId('top-posts');
    await table.waitFor();
    expect(await page.getByTestId('ranked-by').textContent()).toBe('Sortiert nach Engagement je 1.000 Follower, höchstes zuerst.');
    expect(await table.locator('th').allTextContents()).toEqual([
      'Rang',
      'Netzwerk',
      'Beitrag',
      'Veröffentlicht',
      'Reaktionen',
      'Kommentare',
      'Teilungen',
      'Engagement je 1.000 Follower',
    ]);
    const measures = await page.getByTestId('top-post').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-measure'))));
    expect(measures).toEqual([...measures].sort((a, b) => b - a));
    // (300 + 2·3 + 3·40) / 2000 × 1000 = 213, the sale post first.
    expect(measures[0]).toBe(213);
    expect(await page.getByTestId('top-post').first().textContent()).toContain('Sommerschlussverkauf');
    expect(await page.getByTestId('top-post-measure').first().textContent()).toBe('213');
    await page.getByTestId('top-post-open').first().click();
    const drawer = page.getByTestId('drill-table');
    await drawer.waitFor();
    // Exactly the sale post's two conversations (3 comments), nothing of the other posts.
    expect(await page.getByTestId('drill-summary').textContent()).toBe('3 Kommentare in 2 Unterhaltungen zu diesem Beitrag');
    expect((await drawer.getByTestId('drill-row').allTextContents()).join(' ')).not.toMatch(/Lena|Jonas/);
    const url = new URL(page.url());
    expect(url.searchParams.get('period')).toBe(`${THREE_DAYS_AGO}..${TODAY}`);
    expect(url.searchParams.get('drill')).toBe('post');
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.searchParams.has('drill'));
  });

  it('the drill-down of an intent shows exactly the threads behind its number', async () => {
    const { page } = browser;
    await page.getByTestId('tab-intents').click();
    await page.getByTestId('intent-table').waitFor();
    const link = page.locator('[data-testid^="drill-"]:not([disabled])').first();
    const intent = ((await link.getAttribute('data-testid')) ?? '').replace('drill-', '');
    await link.click();
    await page.getByTestId('drill-table').waitFor();
    const listed = await page.getByTestId('drill-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-thread')));
    const period = `${THREE_DAYS_AGO}..${TODAY}`;
    // The threads whose inbound messages carry the intent, straight from the message table.
    const truth = await stack.db.dataSource.query<Array<{ thread_id: string; n: number }>>(
      `SELECT m.thread_id::text, count(*)::int AS n FROM message m WHERE m.workspace_id = $1 AND NOT m.is_from_account AND m.intent = $2
         AND (m.created_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN $3::date AND $4::date GROUP BY 1`,
      [stack.workspaceId, intent, THREE_DAYS_AGO, TODAY],
    );
    expect(new Set(listed)).toEqual(new Set(truth.map((r) => r.thread_id)));
    const counted = await page.getByTestId('drill-messages').allTextContents();
    expect(counted.map(Number).reduce((s, n) => s + n, 0)).toBe(truth.reduce((s, r) => s + r.n, 0));
    expect(new URL(page.url()).searchParams.get('period')).toBe(period);
    // A thread opens in the inbox.
    await page.getByTestId('drill-row').first().getByRole('link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/inbox/'));
  });

  it('every report tab speaks German in the German UI and English in the English UI (no raw identifiers)', async () => {
    const { page } = browser;
    for (const language of ['de', 'en'] as const) {
      if (language === 'en') await page.getByText('English', { exact: true }).first().click();
      await page.goto(`${stack.url}/reports/response-times?period=${THREE_DAYS_AGO}..${TODAY}`);
      await page.getByTestId('reports-page').waitFor();
      const tabs = await page.locator('[data-testid^="tab-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
      expect(tabs.length).toBeGreaterThanOrEqual(4);
      for (const tab of tabs) {
        await page.getByTestId(tab).click();
        await waitForTab(page, tab);
        // Open every formula too: they are part of what a reader sees.
        for (const button of await page.locator('[data-testid^="formula-"]').all()) await button.click();
        const text = (await page.getByTestId('reports-page').innerText()).replace(/\s+/g, ' ');
        expect({ language, tab, problems: untranslated(text, language) }).toEqual({ language, tab, problems: [] });
      }
    }
  }, 180_000);

  it('the reports are usable at 390 px wide', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.url}/reports/resonance?period=${THREE_DAYS_AGO}..${TODAY}`);
    await page.getByTestId('top-posts').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
