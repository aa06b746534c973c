import { resolve } from 'node:path';
import { Message } from '@resonance/db';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

const DOCS = resolve(__dirname, '../../../docs');

describe('inbox in the browser (agent)', () => {
  let stack: Stack;
  let browser: BrowserHandle;

  beforeAll(async () => {
    stack = await startStack();
    await stack.ingest([
      {
        kind: 'post',
        network: 'facebook',
        externalId: 'page_post_1',
        text: 'Die neue Sommerkollektion ist da! ☀️',
        url: 'https://facebook.com/page_post_1',
        publishedAt: new Date(Date.now() - 86_400_000).toISOString(),
      },
      fbComment({
        threadKey: 't-rabatt',
        authorName: 'Erika Mustermann',
        text: 'Gibt es einen Rabatt auf die Sommerkollektion? Ich würde gern zwei Jacken kaufen.',
      }),
      fbComment({
        threadKey: 't-lieferung',
        authorName: 'Max Müller',
        text: 'Meine Bestellung ist seit zwei Wochen nicht angekommen. <script>alert(1)</script>',
      }),
      fbComment({ threadKey: 't-lob', authorName: 'Jane Doe', text: 'Love the new collection, great quality!' }),
    ]);
    browser = await launchBrowser({ locale: 'de-DE' });
  }, 120_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
  });

  it('an agent signs in, filters, opens a thread, answers with a canned response and sees it queued, then delivered', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'agent@demo.local');

    // German UI by default for a German browser; role-aware navigation shows the inbox only.
    await page.getByRole('heading', { name: 'Posteingang' }).waitFor();
    expect(await page.getByTestId('nav-inbox').count()).toBe(1);
    expect(await page.getByTestId('nav-channels').count()).toBe(0);
    await page.getByTestId('thread-row').nth(2).waitFor();
    expect(await page.getByTestId('thread-row').count()).toBe(3);

    // Customer text is shown as text: the script tag is visible, not executed.
    await page.getByText('<script>alert(1)</script>', { exact: false }).first().waitFor();

    // Full-text search narrows the list to the discount question.
    await page.getByTestId('filter-search').fill('Rabatt');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="thread-row"]').length === 1);
    const row = page.getByTestId('thread-row').first();
    expect(await row.textContent()).toContain('Erika Mustermann');
    await row.click();

    // The conversation with the post it belongs to and the customer's message.
    await page.getByTestId('conversation').waitFor();
    await page.getByTestId('thread-post').getByText('Sommerkollektion').waitFor();
    await page.getByTestId('message-list').getByText('Gibt es einen Rabatt').waitFor();

    // Canned response with the shortcut "rabatt", then send.
    await page.getByTestId('canned-select').click();
    await page.getByRole('option', { name: /Rabatt-Hinweis/ }).click();
    await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('[data-testid="composer-text"]')?.value.includes('SOCIAL10'));
    await page.getByTestId('composer-submit').click();

    const delivery = page.locator('[data-testid="delivery-state"]');
    await delivery.first().waitFor();
    expect(await delivery.first().getAttribute('data-state')).toBe('queued');
    expect(await delivery.first().textContent()).toBe('In Warteschlange');

    const outbound = await stack.db.dataSource.getRepository(Message).findOneByOrFail({ direction: 'outbound' });
    expect(outbound.text).toContain('SOCIAL10');
    expect(outbound.delivery).toBe('queued');

    // The outbound worker reports the delivery through the database; the API streams it (SSE) and
    // the badge turns to "delivered" without a reload.
    await stack.db.dataSource.query(`UPDATE message SET delivery = 'sent', external_id = 'fb_reply_1' WHERE id = $1`, [outbound.id]);
    await page.locator('[data-testid="delivery-state"][data-state="sent"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="delivery-state"][data-state="sent"]').textContent()).toBe('Zugestellt');

    await page.getByTestId('filter-search').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="thread-row"]').length >= 3);
    await page.screenshot({ path: `${DOCS}/inbox.png` });
  });

  it('switches the UI to English and keeps dates in the chosen locale', async () => {
    const { page } = browser;
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('an agent adds an internal note, closes and reopens the thread', async () => {
    const { page } = browser;
    // Shortcuts work when no field has the focus: N switches the composer to an internal note and
    // puts the focus there at once — the keys typed right behind N are the note's, not shortcuts
    // (with the focus placed by a timer, a busy machine let "K" extend a selection and "e" close the thread).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('n');
    await page.keyboard.type('Kundin hat schon zweimal gefragt.');
    expect(await page.getByTestId('composer-text').inputValue()).toBe('Kundin hat schon zweimal gefragt.');
    await page.getByTestId('composer-submit').click();
    await page.getByTestId('note').getByText('Kundin hat schon zweimal gefragt.').waitFor();

    // Closing moves on to the next thread that waits (triage's auto-advance); the closed one is a link away.
    const closedAt = page.url();
    await page.getByTestId('close').click();
    await page.waitForURL((u) => u.href !== closedAt);
    await page.goto(closedAt);
    await page.locator('[data-testid="thread-status"]', { hasText: 'Closed' }).waitFor();
    await page.getByTestId('reopen').click();
    await page.locator('[data-testid="thread-status"]', { hasText: 'Open' }).waitFor();
  });

  it('shows an error, not a broken page, when a thread does not exist', async () => {
    const { page } = browser;
    await page.goto(`${stack.url}/inbox/999999999`);
    await page.getByTestId('error-state').waitFor();
    await page.getByTestId('thread-row').first().waitFor();
  });
});
