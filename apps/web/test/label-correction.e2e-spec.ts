import { classify } from '@resonance/classifier';
import { INTENTS } from '@resonance/contracts';
import { Rollups } from '@resonance/worker';
import { launchBrowser, signIn, type BrowserHandle, type Page } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** The UI's words this test reads, per language (the dictionary's intent names and the part correct23). */
const WORDS = {
  de: {
    locale: 'de-DE',
    intentsTab: 'Anliegen',
    correctedBy: 'Anliegen korrigiert von Anna Agent',
    notEnough: 'Zu wenige Prüfungen (weniger als 20)',
    intent: {
      discount_request: 'Rabatt-/Angebotsanfrage',
      purchase_intent: 'Kaufabsicht',
      product_question: 'Produktfrage',
      complaint_support: 'Beschwerde / Support',
      praise: 'Lob',
      other_spam: 'Sonstiges / Spam',
    },
    texts: ['Gibt es die Regenjacke auch in Größe L?', 'Habt ihr die Regenjacke noch in Dunkelblau?'],
    search: ['Größe', 'Dunkelblau'],
  },
  en: {
    locale: 'en-US',
    intentsTab: 'Intents',
    correctedBy: 'Intent corrected by Anna Agent',
    notEnough: 'Not enough reviews (fewer than 20)',
    intent: {
      discount_request: 'Discount / deal request',
      purchase_intent: 'Purchase intent',
      product_question: 'Product question',
      complaint_support: 'Complaint / support',
      praise: 'Praise',
      other_spam: 'Other / spam',
    },
    texts: ['Does the rain jacket come in size L?', 'Do you still have the rain jacket in navy?'],
    search: ['size', 'navy'],
  },
} as const;

describe('an agent corrects intent labels from the badge menu, and the intents report follows (de, en)', () => {
  let stack: Stack;
  let browser: BrowserHandle | undefined;

  beforeAll(async () => {
    stack = await startStack();
    await stack.ingest([
      {
        kind: 'post',
        network: 'facebook',
        externalId: 'page_post_1',
        text: 'Neue Regenjacken – jetzt im Shop',
        url: null as never,
        publishedAt: minutesAgo(600),
      },
      ...(['de', 'en'] as const).flatMap((lang) =>
        WORDS[lang].texts.map((text, i) => fbComment({ threadKey: `${lang}${i}`, authorName: `Fan ${lang} ${i}`, text, createdAt: minutesAgo(300 - i) })),
      ),
    ]);
    await new Rollups(stack.db.dataSource).drainAll();
  }, 180_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
  });

  /** The counts the intents report shows per intent (its table rows), as an analyst sees them. */
  async function reportedCounts(page: Page, lang: 'de' | 'en'): Promise<Record<string, number>> {
    await page.goto(`${stack.url}/reports`);
    await page.getByRole('tab', { name: WORDS[lang].intentsTab }).click();
    await page.getByTestId('intent-table').waitFor();
    const counts: Record<string, number> = {};
    for (const intent of INTENTS) {
      const row = page.getByTestId('intent-table').getByRole('row').filter({ hasText: WORDS[lang].intent[intent] });
      counts[intent] = Number((await row.getByRole('cell').nth(1).textContent())?.replace(/\D/g, ''));
    }
    return counts;
  }

  /** Opens the customer's thread in the inbox (full-text search, then the row). */
  async function openThread(page: Page, text: string, search: string) {
    await page.goto(`${stack.url}/inbox`);
    await page.getByTestId('filter-search').fill(search);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="thread-row"]').length === 1);
    await page.getByTestId('thread-row').first().click();
    await page.getByTestId('message-list').getByText(text).waitFor();
    return page.getByTestId('message').filter({ hasText: text });
  }

  it.each(['de', 'en'] as const)(
    '%s: by mouse and by keyboard; the report counts the corrections and shows them reviewed',
    async (lang) => {
      const words = WORDS[lang];
      const predicted = words.texts.map((text) => classify(text).intent);
      const target = (['purchase_intent', 'discount_request', 'praise'] as const).find((i) => !predicted.includes(i)) ?? 'other_spam';
      browser = await launchBrowser({ locale: words.locale });
      const { page, context } = browser;

      await signIn(page, stack.url, 'analyst@demo.local');
      const before = await reportedCounts(page, lang);
      await context.clearCookies();

      await signIn(page, stack.url, 'agent@demo.local');
      // By mouse: the badge opens the menu; the new intent is saved and the message says who corrected it.
      const first = await openThread(page, words.texts[0], words.search[0]);
      await first.getByTestId('intent-badge').click();
      await page.getByTestId(`set-intent-${target}`).click();
      await first.getByTestId('label-review').getByText(words.correctedBy).waitFor();
      expect(await first.getByTestId('intent-badge').textContent()).toContain(words.intent[target]);

      // By keyboard: Tab reaches the badge, Enter opens the menu, arrow keys move, Enter chooses.
      const second = await openThread(page, words.texts[1], words.search[1]);
      await second.getByText(words.texts[1]).click();
      for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'intent-badge'; i++)
        await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('intent-badge');
      await page.keyboard.press('Enter');
      await page.getByTestId(`set-intent-${target}`).waitFor();
      for (let i = 0; i < 8 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== `set-intent-${target}`; i++) {
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await second.getByTestId('label-review').getByText(words.correctedBy).waitFor();

      await context.clearCookies();

      // The rollup job (the worker's, run here) moves the counts; the analyst sees the report change.
      await new Rollups(stack.db.dataSource).drainAll();
      await signIn(page, stack.url, 'analyst@demo.local');
      // The target's count grows by the two corrections; the intents they had shrink by as many.
      const expected = { ...before, [target]: before[target] + 2 };
      for (const p of predicted) expected[p] -= 1;
      expect(await reportedCounts(page, lang)).toEqual(expected);
      // Measured precision: the predicted intents were reviewed and changed; too few reviews for a share.
      const precisionRow = page.getByTestId(`precision-${predicted[0]}`);
      await precisionRow.waitFor();
      expect(Number(await precisionRow.getByTestId('precision-reviewed').textContent())).toBeGreaterThanOrEqual(1);
      expect(await precisionRow.textContent()).toContain(words.notEnough);

      await browser.close();
      browser = undefined;
    },
    180_000,
  );
});
