import { resolve } from 'node:path';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { startStack, type Stack } from './support/stack';

const DOCS = resolve(__dirname, '../../../docs');

describe('channels and admin in the browser (admin)', () => {
  let stack: Stack;
  let browser: BrowserHandle;

  beforeAll(async () => {
    stack = await startStack();
    await stack.db.dataSource.query(`UPDATE channel_account SET last_synced_at = now() - interval '3 minutes', followers = 12840 WHERE id = $1`, [
      stack.facebookChannelId,
    ]);
    browser = await launchBrowser({ locale: 'de-DE' });
  }, 120_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
  });

  it('an admin sees the channels with their state and the XING partner-access notice', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'admin@demo.local');
    await page.getByTestId('nav-channels').click();
    const card = page.locator('[data-testid="channel-card"][data-network="facebook"]');
    await card.waitFor();
    expect(await card.getByTestId('channel-status').textContent()).toBe('Verbunden');
    expect(await card.textContent()).toContain('12.840');
    const notice = (await page.getByTestId('xing-notice').textContent()) ?? '';
    expect(notice).toContain('1. April 2019');
    expect(notice).toContain('XING-API-Partner');
    await page.screenshot({ path: `${DOCS}/channels.png` });
  });

  it('pauses a channel after confirming (cancel changes nothing) and resumes it, each confirmed by a toast', async () => {
    const { page } = browser;
    const card = page.locator('[data-testid="channel-card"][data-network="facebook"]');
    const status = async () =>
      (await stack.db.dataSource.query<Array<{ status: string }>>(`SELECT status FROM channel_account WHERE id = $1`, [stack.facebookChannelId]))[0]?.status;
    await card.getByRole('button', { name: 'Pausieren' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Abbrechen' }).click();
    expect(await status()).not.toBe('paused');
    await card.getByRole('button', { name: 'Pausieren' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kanal pausieren' }).click();
    await card.getByTestId('channel-status').filter({ hasText: 'Pausiert' }).waitFor();
    await page.getByTestId('toast').filter({ hasText: 'ist pausiert' }).waitFor();
    expect(await status()).toBe('paused');
    await card.getByRole('button', { name: 'Fortsetzen' }).click();
    await card.getByTestId('channel-status').filter({ hasText: 'Verbunden' }).waitFor();
    await page.getByTestId('toast').filter({ hasText: 'läuft wieder' }).waitFor();
  });

  it('an admin sees users with roles and the canned responses', async () => {
    const { page } = browser;
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('users-table').getByText('agent@demo.local').waitFor();
    await page.getByRole('tab', { name: 'Textbausteine' }).click();
    await page.getByText('Rabatt-Hinweis').waitFor();
  });
});
