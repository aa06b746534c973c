import { DEMO_INSTAGRAM_ACCOUNT, startSim, type RunningSim } from '@resonance/sim';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { startStack, type Stack } from './support/stack';

/**
 * Issue 27: an admin connects the Instagram professional account through Instagram Login on the
 * sim — the dashboard's button, the sim's consent, the API's callback (short-lived → long-lived
 * token), the account picker, the channel shown connected. A seeded Instagram channel is removed
 * first, so the account is connected anew.
 */
describe('connecting Instagram through the simulated consent, in the browser (admin)', () => {
  let sim: RunningSim;
  let stack: Stack;
  let browser: BrowserHandle;

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 11, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    stack = await startStack({ config: { SIM_URL: sim.url } });
    await stack.db.dataSource.query(`DELETE FROM channel_account WHERE workspace_id = $1 AND network = 'instagram'`, [stack.workspaceId]);
    browser = await launchBrowser({ locale: 'en-US' });
  }, 120_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
    await sim?.close();
  });

  it('an admin connects the Instagram account: consent at Instagram, picker, channel connected', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'admin@demo.local');
    await page.getByTestId('nav-channels').click();
    const card = page.getByTestId('connect-instagram');
    // The honest notice of what Instagram allows is shown before anyone connects.
    await card.getByTestId('instagram-notice').waitFor();
    await card.getByRole('button').click();

    await page.waitForURL((url) => url.pathname === '/channels' && url.searchParams.has('connect'), { timeout: 15_000 });
    const picker = page.getByTestId('connect-picker');
    await picker.waitFor();
    const account = picker.getByRole('checkbox', { name: new RegExp(`${DEMO_INSTAGRAM_ACCOUNT.name}|${DEMO_INSTAGRAM_ACCOUNT.username}`) });
    expect(await account.isChecked()).toBe(true);
    await picker.getByRole('button', { name: 'Connect selected' }).click();

    await page.getByTestId('connect-done').waitFor();
    const connected = page.locator('[data-testid="channel-card"][data-network="instagram"]');
    await connected.getByTestId('channel-status').filter({ hasText: 'Connected' }).waitFor();
    expect(new URL(page.url()).search).toBe('');

    const rows = await stack.db.dataSource.query<Array<{ status: string; has_credentials: boolean }>>(
      `SELECT status, credentials_encrypted IS NOT NULL AS has_credentials FROM channel_account WHERE workspace_id = $1 AND network = 'instagram' AND external_id = $2`,
      [stack.workspaceId, DEMO_INSTAGRAM_ACCOUNT.id],
    );
    expect(rows).toEqual([{ status: 'connected', has_credentials: true }]);
  });
});
