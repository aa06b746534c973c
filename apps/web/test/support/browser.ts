import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { browserTestSettings } from '@resonance/config';

/** Debian's Chromium (installed by .ci/run); never a downloaded browser. */
export const CHROMIUM = browserTestSettings().chromiumPath;

export interface BrowserHandle {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests of the page, for failure messages. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh headless Chromium with its own profile folder. */
export async function launchBrowser(options: { locale?: string } = {}): Promise<BrowserHandle> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), 'resonance-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    locale: options.locale ?? 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.request().method()} ${r.url()}`));
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  if (browserTestSettings().trace) page.on('request', (r) => problems.push(`-> ${r.method()} ${r.url()}`));
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser, Page };

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password = 'resonance'): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  try {
    // Attached, not visible: on a narrow screen it sits in the closed menu.
    await page.getByTestId('signed-in-as').waitFor({ state: 'attached', timeout: 15_000 });
  } catch (error) {
    await page.screenshot({ path: '/tmp/resonance-signin-failure.png' });
    throw error;
  }
}
