import { DEMO_FACEBOOK_PAGE, startSim, type RunningSim } from '@resonance/sim';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { startStack, type Stack } from './support/stack';

/**
 * An admin connects the Facebook page through the real OAuth flow: the dashboard's button, the
 * sim's Facebook Login dialog, the API's callback, the page picker, the channel shown connected.
 * The seeded Facebook channel is removed first, so the page is connected anew.
 */
describe('connecting a channel through OAuth against the sim, in the browser (admin)', () => {
  let sim: RunningSim;
  let stack: Stack;
  let browser: BrowserHandle;

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 11, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    // XING pointed at XING itself with no partner consumer: the demo consumer applies only against
    // the sim, so the XING test below sees the honest partner-access refusal.
    stack = await startStack({ config: { SIM_URL: sim.url, XING_API_URL: 'https://api.xing.com' } });
    await stack.db.dataSource.query(`DELETE FROM channel_account WHERE id = $1`, [stack.facebookChannelId]);
    browser = await launchBrowser({ locale: 'en-US' });
  }, 120_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
    await sim?.close();
  });

  it('an admin connects the Facebook page: consent at the network, page picker, channel connected', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'admin@demo.local');
    await page.getByTestId('nav-channels').click();
    await page.getByTestId('connect-facebook').getByRole('button').click();

    // Through the sim's dialog and the API's callback, back on the dashboard's picker.
    await page.waitForURL((url) => url.pathname === '/channels' && url.searchParams.has('connect'), { timeout: 15_000 });
    const picker = page.getByTestId('connect-picker');
    await picker.waitFor();
    const account = picker.getByRole('checkbox', { name: DEMO_FACEBOOK_PAGE.name });
    expect(await account.isChecked()).toBe(true);
    await picker.getByRole('button', { name: 'Connect selected' }).click();

    await page.getByTestId('connect-done').waitFor();
    const card = page.locator('[data-testid="channel-card"][data-network="facebook"]');
    await card.getByTestId('channel-status').filter({ hasText: 'Connected' }).waitFor();
    expect(await card.textContent()).toContain(DEMO_FACEBOOK_PAGE.name);
    expect(new URL(page.url()).search).toBe('');
    await page.getByTestId('connect-picker').waitFor({ state: 'detached', timeout: 5_000 });

    const rows = await stack.db.dataSource.query<Array<{ status: string; has_credentials: boolean }>>(
      `SELECT status, credentials_encrypted IS NOT NULL AS has_credentials FROM channel_account WHERE workspace_id = $1 AND network = 'facebook' AND external_id = $2`,
      [stack.workspaceId, DEMO_FACEBOOK_PAGE.id],
    );
    expect(rows).toEqual([{ status: 'connected', has_credentials: true }]);
  });

  it('says plainly, where an admin connects XING without partner credentials, that it needs XING partner access', async () => {
    const { page } = browser;
    await page.getByTestId('connect-xing').getByRole('button').click();
    // The answer of the API to this click (not the notice that the XING card always shows).
    const alert = page.getByRole('alert').filter({ hasText: /cannot be connected on this server: .*XING gives them to API partners only/ });
    await alert.waitFor();
  });
});
