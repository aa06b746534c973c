import type { Page } from 'playwright-core';
import { Rollups } from '@resonance/worker';
import { violations } from './support/axe';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

/**
 * WCAG 2.1 AA (issue 24): axe-core on the five main pages — inbox, an open thread, reports,
 * channels, admin — in German and English, at desktop size and at 390×844, as an admin (who sees
 * every page). Any violation of the WCAG 2.0/2.1 A and AA rules fails the test; no rule is turned
 * off. The failure message lists each rule with the elements it found, so a regression says
 * where it is.
 */
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: '390×844', width: 390, height: 844 },
] as const;
const LANGUAGES = [
  { language: 'de', locale: 'de-DE' },
  { language: 'en', locale: 'en-US' },
] as const;

describe('accessibility (axe-core, WCAG 2.1 AA) in the browser', () => {
  let stack: Stack;
  let threadId: string;

  beforeAll(async () => {
    stack = await startStack();
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    // Answered and waiting threads, so the reports draw their numbers and charts, not "no data".
    await stack.ingest([
      { kind: 'post', network: 'facebook', externalId: 'page_post_1', text: 'Die neue Sommerkollektion ist da!', publishedAt: minutesAgo(24 * 60) },
      fbComment({ threadKey: 't-rabatt', authorName: 'Erika Mustermann', text: 'Gibt es einen Rabatt auf die Sommerkollektion?', createdAt: minutesAgo(300) }),
      fbComment({
        threadKey: 't-lieferung',
        authorName: 'Max Müller',
        text: 'Meine Bestellung ist seit zwei Wochen nicht angekommen.',
        createdAt: minutesAgo(200),
      }),
      fbComment({
        threadKey: 't-lieferung',
        authorName: 'Resonance Demo',
        text: 'Das tut uns leid, bitte schreiben Sie uns eine DM.',
        isFromAccount: true,
        createdAt: minutesAgo(80),
      }),
      fbComment({ threadKey: 't-lob', authorName: 'Jane Doe', text: 'Love the new collection, great quality!', createdAt: minutesAgo(100) }),
    ]);
    await new Rollups(stack.db.dataSource).drainAll();
    const [row] = await stack.db.dataSource.query<Array<{ id: string }>>(`SELECT id::text FROM thread WHERE thread_key = 't-rabatt'`);
    threadId = row.id;
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** The five pages, each with what shows that its content (not a loader) is on screen. */
  const PAGES: Array<{ name: string; path: () => string; ready: (page: Page) => Promise<void> }> = [
    { name: 'inbox', path: () => '/inbox', ready: (p) => p.getByTestId('thread-row').first().waitFor() },
    {
      name: 'thread',
      path: () => `/inbox/${threadId}`,
      ready: (p) => p.getByTestId('message-list').getByText('Gibt es einen Rabatt').waitFor(),
    },
    { name: 'reports', path: () => '/reports', ready: (p) => p.getByTestId('response-chart').locator('svg').first().waitFor() },
    { name: 'channels', path: () => '/channels', ready: (p) => p.locator('[data-testid="channel-card"]').first().waitFor() },
    { name: 'admin', path: () => '/admin', ready: (p) => p.getByTestId('users-table').waitFor() },
    // Second tabs with their own controls: the report with the post table, the SLA form.
    { name: 'reports (resonance)', path: () => '/reports/resonance', ready: (p) => p.getByTestId('top-posts').waitFor() },
    { name: 'admin (settings)', path: () => '/admin/settings', ready: (p) => p.getByTestId('sla-form').waitFor() },
  ];

  /**
   * Tab through the whole page as a keyboard user does and note, for every stop, whether the focus
   * shows (an outline, a ring or a changed border: compared with the same element unfocused).
   * Returns the stops without a visible focus and the visible controls Tab never reached.
   */
  async function keyboardWalk(page: Page): Promise<{ stops: number; noFocusShown: string[]; unreached: string[] }> {
    // End states, not a transition's first frame (Mantine fades input borders in).
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
    // Each control's look at rest, to compare with its look when Tab lands on it.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')) {
        // The field of a pills input (multi-selects, tags) draws the focus around the inner input.
        const s = getComputedStyle(el.closest<HTMLElement>('.mantine-Input-input') ?? el);
        el.dataset.a11yRest = [s.outlineStyle, s.outlineWidth, s.boxShadow, s.borderColor, s.backgroundColor].join('|');
      }
    });
    const noFocusShown: string[] = [];
    let stops = 0;
    let first: string | null = null;
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el.closest<HTMLElement>('.mantine-Input-input') ?? el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        const changed =
          el.dataset.a11yRest !== undefined &&
          el.dataset.a11yRest !== [s.outlineStyle, s.outlineWidth, s.boxShadow, s.borderColor, s.backgroundColor].join('|');
        const seen = el.dataset.a11yReached === '1';
        el.dataset.a11yReached = '1';
        const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
        return { seen, name, shown: outline || changed };
      });
      if (!stop) continue;
      // Once round: Tab came back to where the walk began.
      if (stop.name === first) break;
      first ??= stop.name;
      if (stop.seen) continue;
      stops += 1;
      if (!stop.shown) noFocusShown.push(stop.name);
    }
    const unreached = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')]
        .filter((el) => !el.dataset.a11yReached && el.checkVisibility() && !el.closest('[inert]'))
        .filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0)
        // A radio group is one Tab stop (arrows move inside it): only its checked radio is reached.
        .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
        ),
    );
    return { stops, noFocusShown, unreached };
  }

  describe('by keyboard (English)', () => {
    let browser: BrowserHandle;

    beforeAll(async () => {
      browser = await launchBrowser({ locale: 'en-US' });
      await signIn(browser.page, stack.url, 'admin@demo.local');
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    for (const size of SIZES) {
      for (const target of PAGES) {
        it(`${target.name} at ${size.name}: every control is reached by Tab and shows its focus`, async () => {
          const { page } = browser;
          await page.setViewportSize({ width: size.width, height: size.height });
          await page.goto(`${stack.url}${target.path()}`);
          await target.ready(page);
          const walk = await keyboardWalk(page);
          expect(walk.stops).toBeGreaterThan(3);
          expect(walk.noFocusShown).toEqual([]);
          expect(walk.unreached).toEqual([]);
        }, 90_000);
      }
    }
  });

  for (const { language, locale } of LANGUAGES) {
    describe(`in ${language}`, () => {
      let browser: BrowserHandle;

      beforeAll(async () => {
        browser = await launchBrowser({ locale });
        await signIn(browser.page, stack.url, 'admin@demo.local');
        expect(await browser.page.evaluate(() => document.documentElement.lang)).toBe(language);
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
            await page.goto(`${stack.url}${target.path()}`);
            await target.ready(page);
            const found = await violations(page);
            expect(found).toEqual([]);
          }, 60_000);
        }
      }
    });
  }
});
