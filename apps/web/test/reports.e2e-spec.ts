import { resolve } from 'node:path';
import { Rollups } from '@resonance/worker';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

const DOCS = resolve(__dirname, '../../../docs');
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('reports in the browser (lead / analyst)', () => {
  let stack: Stack;
  let browser: BrowserHandle;

  beforeAll(async () => {
    stack = await startStack();
    await stack.ingest([
      {
        kind: 'post',
        network: 'facebook',
        externalId: 'page_post_1',
        text: 'Neue Sommerkollektion – jetzt im Shop',
        url: null as never,
        publishedAt: minutesAgo(600),
      },
      fbComment({
        threadKey: 'r1',
        authorName: 'Erika Mustermann',
        text: 'Gibt es einen Rabatt oder Gutschein für die Sommerkollektion?',
        createdAt: minutesAgo(300),
      }),
      // Answered natively on Facebook by the page 30 minutes later: a response (DESIGN.md §5).
      fbComment({
        threadKey: 'r1',
        authorName: 'Resonance Demo',
        text: 'Mit dem Code SOCIAL10 sparen Sie 10 %.',
        isFromAccount: true,
        parentExternalId: 'c-r1-1',
        createdAt: minutesAgo(270),
      }),
      fbComment({
        threadKey: 'r2',
        authorName: 'Max Müller',
        text: 'Meine Bestellung ist kaputt angekommen, ich will mein Geld zurück!',
        createdAt: minutesAgo(200),
      }),
      fbComment({
        threadKey: 'r2',
        authorName: 'Resonance Demo',
        text: 'Das tut uns leid, bitte schreiben Sie uns eine DM.',
        isFromAccount: true,
        createdAt: minutesAgo(80),
      }),
      fbComment({ threadKey: 'r3', authorName: 'Jane Doe', text: 'I love this collection, great quality!', createdAt: minutesAgo(100) }),
    ]);
    await new Rollups(stack.db.dataSource).drainAll();
    browser = await launchBrowser({ locale: 'de-DE' });
  }, 120_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
  });

  it('an analyst opens the response-time report with definitions next to the numbers', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'analyst@demo.local');
    // Analysts land on the reports; they have no channel or admin pages.
    await page.getByRole('heading', { name: 'Berichte' }).waitFor();
    expect(await page.getByTestId('nav-channels').count()).toBe(0);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);

    const kpis = page.getByTestId('response-kpis');
    await kpis.waitFor();
    // Two threads answered after 30 and 120 minutes: 2 responses, the nearest-rank median is 30 min.
    const text = (await kpis.textContent()) ?? '';
    // The definition in the UI's language, in a marketer's words (the formula is one click away).
    expect(text).toContain('Wie lange Kundinnen und Kunden auf die erste Antwort in einer Unterhaltung gewartet haben.');
    expect(text).toMatch(/Antwortzeit · Anzahl\s*2/);
    await page.getByTestId('response-chart').locator('svg').first().waitFor();
    expect(await page.getByTestId('csv-export').getAttribute('href')).toContain('format=csv');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${DOCS}/reports.png`, fullPage: false });
  });

  it('drills down from the intent mix to the conversations behind it', async () => {
    const { page } = browser;
    await page.getByTestId('tab-intents').click();
    await page.getByTestId('intent-table').waitFor();
    const link = page.locator('[data-testid^="drill-"]:not([disabled])').first();
    const testId = (await link.getAttribute('data-testid')) ?? '';
    const intent = testId.replace('drill-', '');
    await link.click();
    // The drill-down keeps the report's period and lists the conversations behind the intent's number.
    await page.waitForURL(
      (url) => url.pathname === '/reports/intents' && url.searchParams.get('drill') === 'intent' && url.searchParams.get('intent') === intent,
    );
    await page.getByTestId('drill-row').first().waitFor();
    expect(await page.getByTestId('drill-row').count()).toBeGreaterThanOrEqual(1);
    // Analysts read the inbox but do not answer.
    await page.getByTestId('drill-row').first().getByRole('link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/inbox/'));
    await page.getByText('Analysten lesen den Posteingang').waitFor();
    expect(await page.getByTestId('composer').count()).toBe(0);
  });
});
