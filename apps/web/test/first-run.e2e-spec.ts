import { launchBrowser, type BrowserHandle } from './support/browser';
import { startEmptyStack, type EmptyStack } from './support/stack';

/**
 * A real installation's first minutes in the browser: the first admin sets up the workspace in the
 * dashboard (German, by keyboard), invites an agent, and the agent opens the one-time link on a
 * phone (English, 390 px), chooses a password and is signed in; the link then refuses a second use.
 */
describe('first run in the browser: onboarding, invitation, one-time link', () => {
  let stack: EmptyStack;
  let admin: BrowserHandle;
  let agent: BrowserHandle | undefined;

  beforeAll(async () => {
    stack = await startEmptyStack();
    admin = await launchBrowser({ locale: 'de-DE' });
  }, 120_000);

  afterAll(async () => {
    for (const b of [admin, agent]) if (b?.problems.length) console.log(b.problems.join('\n'));
    await admin?.close();
    await agent?.close();
    await stack?.close();
  });

  let link = '';

  it('shows the onboarding form instead of the login, and the admin completes it by keyboard', async () => {
    const { page } = admin;
    await page.goto(stack.url);
    await page.getByRole('heading', { name: 'Resonance einrichten' }).waitFor();
    await page.getByLabel('Name des Unternehmens oder Arbeitsbereichs').focus();
    await page.keyboard.type('Muster GmbH');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Mia Muster');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mia@muster.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mias erstes passwort');
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-as').waitFor({ timeout: 15_000 });
    const [row] = await stack.db.dataSource.query<Array<{ role: string; name: string }>>(
      `SELECT u.role, w.name FROM users u JOIN workspace w ON w.id = u.workspace_id`,
    );
    expect(row).toEqual({ role: 'admin', name: 'Muster GmbH' });
  });

  it('the admin invites an agent and gets a one-time link with a copy button', async () => {
    const { page } = admin;
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('users-table').getByText('mia@muster.example').waitFor();
    const form = page.locator('form').filter({ hasText: 'Benutzer einladen' });
    await form.getByLabel('Name').fill('Anna Agentin');
    await form.getByLabel('E-Mail').fill('anna@muster.example');
    await form.getByRole('button', { name: 'Einladungslink erstellen' }).click();
    const url = page.getByTestId('access-link-url');
    await url.waitFor();
    link = await url.inputValue();
    expect(link).toMatch(new RegExp(`^${stack.url}/access#[A-Za-z0-9_-]{43}$`));
    await page.getByTestId('access-link').getByRole('button', { name: 'Link kopieren' }).waitFor();
    await page.getByTestId('users-table').getByText('Einladung offen').waitFor();
  });

  it('the agent opens the link at 390 px, sets a password and is signed in; the link does not work twice', async () => {
    agent = await launchBrowser({ locale: 'en-US' });
    const { page } = agent;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(link);
    await page.getByRole('heading', { name: 'Welcome, Anna Agentin' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByLabel('New password (at least 10 characters)').fill('annas own password');
    await page.getByLabel('Repeat the password').fill('annas own password');
    await page.getByLabel('Repeat the password').press('Enter');
    // On a phone who is signed in is shown in the menu.
    await page.getByRole('button', { name: 'Open menu' }).click({ timeout: 15_000 });
    await page.getByTestId('signed-in-as').filter({ hasText: 'Anna Agentin' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).hash).toBe('');

    await page.goto(link);
    await page.getByRole('alert').filter({ hasText: 'This link was used already' }).waitFor();
    const [row] = await stack.db.dataSource.query<Array<{ role: string; hasPassword: boolean }>>(
      `SELECT role, password_hash IS NOT NULL AS "hasPassword" FROM users WHERE email = 'anna@muster.example'`,
    );
    expect(row).toEqual({ role: 'agent', hasPassword: true });
  });
});
