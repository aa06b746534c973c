import type { Page } from 'playwright-core';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/**
 * Triage on the demo world (issue 24), as an agent works: the oldest-waiting sort, the Needs reply
 * view, a saved view reopened, a bulk assignment by shift-click, priority and tags by keyboard, and
 * Send and close moving on to the next waiting thread — at desktop size and at 390×844.
 */
describe('inbox triage in the browser', () => {
  let stack: Stack;
  let browser: BrowserHandle;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    await stack.ingest([
      { kind: 'post', network: 'facebook', externalId: 'page_post_1', text: 'Winterschlussverkauf', publishedAt: ago(24 * HOUR) },
      // Newest activity first: Nina, Bert (answered), Mia, Olga. Longest waiting first: Olga, Mia, Nina; Bert waits on nobody.
      fbComment({ threadKey: 't-olga', authorName: 'Olga Alt', text: 'Wo bleibt meine Rücksendung?', createdAt: ago(3 * HOUR) }),
      fbComment({ threadKey: 't-mia', authorName: 'Mia Mitte', text: 'Passt die Jacke in M?', createdAt: ago(2 * HOUR) }),
      fbComment({ threadKey: 't-nina', authorName: 'Nina Neu', text: 'Habt ihr den Schal noch in Rot?', createdAt: ago(10 * 60_000) }),
      fbComment({ threadKey: 't-bert', authorName: 'Bert Beantwortet', text: 'Danke für die schnelle Hilfe!', createdAt: ago(4 * HOUR) }),
      fbComment({
        threadKey: 't-bert',
        authorName: 'Demo Page',
        text: 'Gern geschehen!',
        isFromAccount: true,
        author: { externalId: 'page', name: 'Demo Page' },
        createdAt: ago(HOUR),
      }),
    ]);
    for (const row of await stack.db.dataSource.query<Array<{ id: string; thread_key: string }>>(`SELECT id::text, thread_key FROM thread`)) {
      ids[row.thread_key] = row.id;
    }
    browser = await launchBrowser({ locale: 'en-US' });
  }, 180_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
  });

  const names = (page: Page) => page.getByTestId('thread-row').evaluateAll((rows) => rows.map((r) => r.querySelector('p')?.textContent ?? ''));
  async function expectRows(page: Page, expected: string[]): Promise<void> {
    await page
      .waitForFunction(
        (want) => {
          const rows = [...document.querySelectorAll('[data-testid="thread-row"]')].map((r) => r.querySelector('p')?.textContent ?? '');
          return rows.join('|') === want.join('|');
        },
        expected,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    // On a mismatch the assertion shows the rows and the URL the list was shown for.
    expect({ url: page.url(), rows: await names(page) }).toEqual({ url: page.url(), rows: expected });
  }
  const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  it('sorts by oldest waiting, shows the Needs reply view, saves it as a shared view and reopens it', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'agent@demo.local');
    await expectRows(page, ['Nina Neu', 'Bert Beantwortet', 'Mia Mitte', 'Olga Alt']);

    await page.getByTestId('sort-select').click();
    await page.getByRole('option', { name: 'Oldest waiting first' }).click();
    await expectRows(page, ['Olga Alt', 'Mia Mitte', 'Nina Neu', 'Bert Beantwortet']);
    expect(page.url()).toContain('sort=waiting');

    await page.getByTestId('triage-view').getByText('Needs reply').click();
    await expectRows(page, ['Olga Alt', 'Mia Mitte', 'Nina Neu']);

    await page.getByTestId('save-view').click();
    await page.getByTestId('view-name').fill('Waiting longest');
    await page.getByTestId('view-shared').check();
    await page.getByTestId('view-submit').click();
    await page.getByTestId('view-name').waitFor({ state: 'detached' });
    expect(await page.getByTestId('saved-views').inputValue()).toBe('Waiting longest');

    // Back to Open (newest first): no view is open; choosing the saved one brings its filters and sort back.
    await page.getByTestId('triage-view').getByText('Open').click();
    await page.waitForURL((u) => !u.search.includes('needs'), { timeout: 5000 }).catch(() => undefined);
    expect(page.url()).toContain('/inbox?sort=waiting');
    await page.getByTestId('sort-select').click();
    await page.getByRole('option', { name: 'Newest first' }).click();
    await expectRows(page, ['Nina Neu', 'Bert Beantwortet', 'Mia Mitte', 'Olga Alt']);
    expect(await page.getByTestId('saved-views').inputValue()).toBe('');
    await page.getByTestId('saved-views').click();
    await page.getByRole('option', { name: 'Waiting longest' }).click();
    await expectRows(page, ['Olga Alt', 'Mia Mitte', 'Nina Neu']);

    // A colleague sees the shared view (the API lists it for the admin as shared by Anna).
    const [view] = await stack.db.dataSource.query<Array<{ shared: boolean; filters: unknown; sort: string }>>(`SELECT shared, filters, sort FROM saved_view`);
    expect(view).toEqual({ shared: true, filters: { needsReply: true }, sort: 'waiting' });
  });

  it('assigns three threads at once by shift-click, in one request, audited', async () => {
    const { page } = browser;
    await page.getByTestId('thread-pick').nth(0).click();
    await page
      .getByTestId('thread-pick')
      .nth(2)
      .click({ modifiers: ['Shift'] });
    await page.getByTestId('bulk-count').getByText('3 selected').waitFor();
    const bulkRequests: string[] = [];
    page.on('request', (r) => r.url().includes('/api/threads/bulk') && bulkRequests.push(r.method()));
    await page.getByTestId('bulk-assign').click();
    await page.getByRole('option', { name: 'Alex Admin' }).click();
    await page.getByTestId('bulk-done').getByText('3 threads changed').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="thread-row"]')].every((r) => r.textContent.includes('→ Alex Admin')));
    expect(bulkRequests).toEqual(['POST']);
    const audit = await stack.db.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM audit_event WHERE action = 'thread.assign' AND data->>'bulk' = 'true'`,
    );
    expect(Number(audit[0].n)).toBe(3);
  });

  it('sets priority and tags by keyboard (P, T) and shows them in the list', async () => {
    const { page } = browser;
    await page.getByTestId('thread-row').nth(1).click();
    await page.getByTestId('conversation').getByTestId('message').getByText('Passt die Jacke in M?').waitFor();
    await blur(page);
    await page.keyboard.press('p');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('thread-priority');
    // Arrow keys walk the options (the dropdown opens on the first), Enter picks the hovered one.
    const urgent = page.getByRole('option', { name: 'Urgent' });
    for (let i = 0; i < 6 && (await urgent.getAttribute('data-combobox-selected', { timeout: 500 }).catch(() => null)) === null; i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="thread-row"]', { hasText: 'Mia Mitte' }).getByTestId('row-priority').getByText('Urgent').waitFor();

    await blur(page);
    await page.keyboard.press('t');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('thread-tags');
    await page.keyboard.type('vip');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="thread-row"]', { hasText: 'Mia Mitte' }).getByTestId('row-tag').getByText('vip').waitFor();
    const [mia] = await stack.db.dataSource.query<Array<{ priority: number; tags: string[] }>>(`SELECT priority, tags FROM thread WHERE id = $1`, [
      ids['t-mia'],
    ]);
    expect(mia).toEqual({ priority: 3, tags: ['vip'] });
    // The shortcuts help lists them.
    await blur(page);
    await page.keyboard.press('?');
    await page.getByText('P priority · T tags', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('Send and close (Ctrl+Shift+Enter) closes the thread and opens the next waiting one; J moves within the view', async () => {
    const { page } = browser;
    await page.getByTestId('thread-row').nth(0).click();
    await page.waitForURL((u) => u.pathname === `/inbox/${ids['t-olga']}`);
    // The conversation shown is Olga's (not the previous one's, still on screen for a moment).
    await page.getByTestId('conversation').getByTestId('message').getByText('Wo bleibt meine Rücksendung?').waitFor();
    await page.getByTestId('composer-text').fill('Die Rücksendung ist angekommen, das Geld ist unterwegs.');
    await page.keyboard.press('Control+Shift+Enter');
    // Not the newest thread (Nina): the next one of this view that waits, Mia.
    await page.waitForURL((u) => u.pathname === `/inbox/${ids['t-mia']}`, { timeout: 10_000 }).catch(() => undefined);
    const feedback = await page
      .locator('[data-testid="composer-feedback"], [data-testid="newer-inbound"]')
      .allTextContents()
      .catch(() => []);
    expect({ feedback, path: new URL(page.url()).pathname }).toEqual({ feedback, path: `/inbox/${ids['t-mia']}` });
    await expectRows(page, ['Mia Mitte', 'Nina Neu']);
    await page.getByTestId('conversation').getByTestId('message').getByText('Passt die Jacke in M?').waitFor();
    const [olga] = await stack.db.dataSource.query<Array<{ status: string }>>(`SELECT status FROM thread WHERE id = $1`, [ids['t-olga']]);
    expect(olga.status).toBe('closed');
    await blur(page);
    const focused = await page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`);
    const visited: string[] = [];
    page.on('framenavigated', (f) => visited.push(new URL(f.url()).pathname));
    await page.evaluate(() => {
      window.addEventListener('keydown', (e) => document.body.setAttribute('data-last-key', `${e.key}:${String(e.defaultPrevented)}`), { once: true });
    });
    await page.keyboard.press('j');
    await page.waitForURL((u) => u.pathname === `/inbox/${ids['t-nina']}`, { timeout: 5000 }).catch(() => undefined);
    await page
      .getByTestId('conversation')
      .getByTestId('message')
      .getByText('Habt ihr den Schal noch in Rot?')
      .waitFor({ timeout: 5000 })
      .catch(() => undefined);
    const lastKey = await page.evaluate(() => document.body.getAttribute('data-last-key'));
    expect({ focused, lastKey, visited, path: new URL(page.url()).pathname }).toEqual({ focused, lastKey, visited, path: `/inbox/${ids['t-nina']}` });
    // The Close button (E too) moves on the same way: Mia is the one left waiting.
    await page.getByTestId('close').click();
    await page.waitForURL((u) => u.pathname === `/inbox/${ids['t-mia']}`);
  });

  it('works at 390×844 in German: sort, Needs reply, shift-click selection', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the language switch is in the menu.
    await page.getByTestId('nav-menu').click();
    await page.getByText('Deutsch', { exact: true }).click();
    await page.goto(`${stack.url}/inbox?status=all&sort=waiting`);
    // Closed threads keep their waiting time (the replies are still queued: no worker runs here).
    await expectRows(page, ['Olga Alt', 'Mia Mitte', 'Nina Neu', 'Bert Beantwortet']);
    await page.getByTestId('triage-view').getByText('Antwort nötig').click();
    await expectRows(page, ['Mia Mitte']);
    await page.getByTestId('triage-view').getByText('Offen').click();
    await page.getByTestId('sort-select').click();
    await page.getByRole('option', { name: 'Am längsten wartend zuerst' }).click();
    await expectRows(page, ['Mia Mitte', 'Bert Beantwortet']);
    await page.getByTestId('thread-pick').nth(0).click();
    await page
      .getByTestId('thread-pick')
      .nth(1)
      .click({ modifiers: ['Shift'] });
    await page.getByTestId('bulk-count').getByText('2 ausgewählt').waitFor();
    // The bulk actions sit above the list in the single pane; scrolled to if the bar is out of view.
    await page.getByTestId('bulk-assign').scrollIntoViewIfNeeded();
    await page.getByTestId('bulk-assign').click();
    await page.getByRole('option', { name: 'Niemand (Zuweisung aufheben)' }).click();
    await page.getByTestId('bulk-done').getByText('2 Unterhaltungen geändert').waitFor();
  });
});
