import { AxeBuilder } from '@axe-core/playwright';
import type { Credentials } from '@resonance/connectors';
import { CredentialsCipher } from '@resonance/db';
import { DEMO_FACEBOOK_PAGE, DEMO_INSTAGRAM_ACCOUNT, startSim, type RunningSim } from '@resonance/sim';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { startStack, type Stack } from './support/stack';

/**
 * Issue 27: an admin connects the Instagram professional account on the sim through both setups
 * the Channels page offers — Instagram Login (English, desktop: the sim's consent, the API's
 * callback with short-lived → long-lived token, the account picker, the channel connected) and
 * Facebook Login (German, 390 px, by keyboard: Facebook's consent, the Page's linked account picked,
 * the same channel reconnected with the Page token). A seeded Instagram channel is removed first,
 * so the account is connected anew.
 */
describe('connecting Instagram through the simulated consent, in the browser (admin)', () => {
  let sim: RunningSim;
  let stack: Stack;
  let browser: BrowserHandle | undefined;

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 11, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    stack = await startStack({ config: { SIM_URL: sim.url } });
    await stack.db.dataSource.query(`DELETE FROM channel_account WHERE workspace_id = $1 AND network = 'instagram'`, [stack.workspaceId]);
  }, 120_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
    await sim?.close();
  });

  const storedCredentials = async (): Promise<Credentials> => {
    const [row] = await stack.db.dataSource.query<Array<{ credentials_encrypted: string }>>(
      `SELECT credentials_encrypted FROM channel_account WHERE workspace_id = $1 AND network = 'instagram' AND external_id = $2`,
      [stack.workspaceId, DEMO_INSTAGRAM_ACCOUNT.id],
    );
    return new CredentialsCipher(stack.config.ENCRYPTION_KEY).decrypt<Credentials>(row.credentials_encrypted);
  };

  it('an admin connects the Instagram account with Instagram Login: consent at Instagram, picker, channel connected', async () => {
    browser = await launchBrowser({ locale: 'en-US' });
    const { page } = browser;
    await signIn(page, stack.url, 'admin@demo.local');
    await page.getByTestId('nav-channels').click();
    const card = page.getByTestId('connect-instagram');
    // The honest notice of what Instagram allows is shown before anyone connects.
    await card.getByTestId('instagram-notice').waitFor();
    // Two ways to sign in, each with the sentence on when to use it as its description.
    const viaInstagram = card.getByRole('button', { name: 'Connect with Instagram Login' });
    expect(await viaInstagram.getAttribute('aria-describedby')).toBeTruthy();
    await card.getByText('you sign in with the Instagram account', { exact: false }).waitFor();
    await card.getByText('you sign in with Facebook and pick the Page’s Instagram account', { exact: false }).waitFor();
    await viaInstagram.click();

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
    expect(await storedCredentials()).toMatchObject({
      setup: 'instagram_login',
      igUserId: DEMO_INSTAGRAM_ACCOUNT.id,
      appScopedId: DEMO_INSTAGRAM_ACCOUNT.appScopedId,
    });
    await browser.close();
    browser = undefined;
  }, 120_000);

  it('German at 390 px by keyboard: the same account through its Facebook Page (Facebook Login), the notice in German', async () => {
    browser = await launchBrowser({ locale: 'de-DE' });
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, stack.url, 'admin@demo.local');
    await page.goto(`${stack.url}/channels`);
    const card = page.getByTestId('connect-instagram');
    // The notice of what Instagram allows is the German one, not the API's English sentence.
    const notice = card.getByTestId('instagram-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Instagram verbindet nur professionelle Konten');
    expect(await page.locator('body').innerText()).not.toContain('Instagram connects professional accounts only');
    await card.getByText('Sie melden sich bei Facebook an und wählen das Instagram-Konto der Seite', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const axe = await new AxeBuilder({ page }).include('[data-testid="connect-instagram"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const viaFacebook = card.getByRole('button', { name: 'Über eine Facebook-Seite verbinden' });
    await viaFacebook.focus();
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === '/channels' && url.searchParams.has('connect'), { timeout: 15_000 });
    const picker = page.getByTestId('connect-picker');
    await picker.waitFor();
    const account = picker.getByRole('checkbox', { name: new RegExp(`${DEMO_INSTAGRAM_ACCOUNT.name}|${DEMO_INSTAGRAM_ACCOUNT.username}`) });
    expect(await account.isChecked()).toBe(true);
    await picker.getByRole('button', { name: 'Auswahl verbinden' }).click();

    await page.getByTestId('connect-done').waitFor();
    const connected = page.locator('[data-testid="channel-card"][data-network="instagram"]');
    await connected.getByTestId('channel-status').filter({ hasText: 'Verbunden' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The same channel, now through the Page: both ids kept.
    expect(await storedCredentials()).toMatchObject({ setup: 'facebook_login', pageId: DEMO_FACEBOOK_PAGE.id, igUserId: DEMO_INSTAGRAM_ACCOUNT.id });
    const rows = await stack.db.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM channel_account WHERE workspace_id = $1 AND network = 'instagram'`,
      [stack.workspaceId],
    );
    expect(rows).toEqual([{ n: 1 }]);

    // A channel that needs reconnecting offers the same two ways; Instagram Login reconnects it.
    await stack.db.dataSource.query(`UPDATE channel_account SET status = 'needs_reauth' WHERE workspace_id = $1 AND network = 'instagram'`, [
      stack.workspaceId,
    ]);
    await page.reload();
    const reconnect = connected.getByTestId('instagram-setups-reconnect');
    await reconnect.getByRole('button', { name: 'Über eine Facebook-Seite neu verbinden' }).waitFor();
    await reconnect.getByRole('button', { name: 'Mit Instagram-Login neu verbinden' }).click();
    await page.waitForURL((url) => url.pathname === '/channels' && url.searchParams.has('connect'), { timeout: 15_000 });
    await page.getByTestId('connect-picker').getByRole('button', { name: 'Auswahl verbinden' }).click();
    await connected.getByTestId('channel-status').filter({ hasText: 'Verbunden' }).waitFor();
    expect(await storedCredentials()).toMatchObject({ setup: 'instagram_login', igUserId: DEMO_INSTAGRAM_ACCOUNT.id });
  }, 120_000);
});
