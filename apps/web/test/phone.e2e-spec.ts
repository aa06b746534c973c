import { Message } from '@resonance/db';
import type { Page } from 'playwright-core';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

/**
 * The dashboard on a phone (issue 24, "any screen"), 390×844 in German, done the way a person does
 * it: one pane at a time. An agent opens a thread from the list, looks up the customer, replies and
 * goes back to the list — by touch, by keyboard and with the browser's Back button. An admin reaches
 * reports, channels and admin through the menu, each page as wide as the phone.
 */
const PHONE = { width: 390, height: 844 };

describe('the dashboard on a phone (390×844)', () => {
  let stack: Stack;
  let browser: BrowserHandle;

  beforeAll(async () => {
    stack = await startStack();
    await stack.ingest([
      {
        kind: 'post',
        network: 'facebook',
        externalId: 'page_post_1',
        text: 'Die neue Sommerkollektion ist da!',
        publishedAt: new Date(Date.now() - 86_400_000).toISOString(),
      },
      fbComment({ threadKey: 't-rabatt', authorName: 'Erika Mustermann', text: 'Gibt es einen Rabatt auf die Sommerkollektion?' }),
      fbComment({ threadKey: 't-lieferung', authorName: 'Max Müller', text: 'Meine Bestellung ist seit zwei Wochen nicht angekommen.' }),
      fbComment({ threadKey: 't-lang', authorName: 'Maximiliane Sophie Müller-Lüdenscheidt', text: 'Wann kommt die Herbstkollektion?' }),
    ]);
    browser = await launchBrowser({ locale: 'de-DE' });
    await browser.page.setViewportSize(PHONE);
  }, 180_000);

  afterAll(async () => {
    if (browser?.problems.length) console.log(browser.problems.join('\n'));
    await browser?.close();
    await stack?.close();
  });

  /** How far the page is wider than the screen (0 when it fits); on a failure, `wider` names the culprits. */
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const wider = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 8)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
        ),
    );
  /** Texts cut short (ellipsis or clamp) among `selector`'s elements: what a person could not read. */
  /** The texts of the elements matching `sel` that are cut off (runs in the page: self-contained). */
  const clippedNow = (sel: string) =>
    [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((el) => el.scrollWidth > el.clientWidth + 0.5 || el.scrollHeight > el.clientHeight + 0.5)
      .map((el) => el.textContent);
  const noneClipped = (sel: string) =>
    [...document.querySelectorAll<HTMLElement>(sel)].every((el) => el.scrollWidth <= el.clientWidth + 0.5 && el.scrollHeight <= el.clientHeight + 0.5);
  /**
   * The elements whose text is cut off, once the layout settled: the header's badges arrive after the
   * messages and reflow it, so a measurement in between can see a name cut that a person never sees
   * (up to 5 s; what is still cut then is reported).
   */
  const clipped = async (page: Page, selector: string) => {
    await page.waitForFunction(noneClipped, selector, { timeout: 5_000 }).catch(() => undefined);
    return page.evaluate(clippedNow, selector);
  };
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
  const row = (page: Page, name: string) => page.getByTestId('thread-row').filter({ hasText: name });

  it('an agent opens a thread from the list, checks the customer, replies and goes back to the list', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'agent@demo.local');

    // The list fills the phone: no thread pane, no customer pane, nothing wider than the screen.
    await row(page, 'Erika Mustermann').waitFor();
    expect(await page.getByTestId('conversation').count()).toBe(0);
    expect(await page.getByTestId('contact-panel').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Every badge of a row (status, "waiting for …") is whole: they wrap to a second line instead.
    expect(await page.locator('[data-testid="thread-row"] .mantine-Badge-label').count()).toBeGreaterThanOrEqual(6);
    expect(await clipped(page, '[data-testid="thread-row"] .mantine-Badge-label')).toEqual([]);

    // A long customer name is whole in the thread's header, the status badges below it.
    await row(page, 'Maximiliane Sophie').click();
    await page.getByTestId('message-list').getByText('Wann kommt die Herbstkollektion?').waitFor();
    expect(await clipped(page, '[data-testid="conversation"] h2')).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Zurück zu den Unterhaltungen' }).click();
    await row(page, 'Erika Mustermann').waitFor();

    // Tap a thread: it takes the whole screen, with a Back control that has the focus.
    await row(page, 'Erika Mustermann').click();
    await page.waitForURL(/\/inbox\/\d+/);
    const threadUrl = page.url();
    await page.getByTestId('message-list').getByText('Gibt es einen Rabatt').waitFor();
    expect(await page.getByTestId('thread-row').count()).toBe(0);
    const back = page.getByRole('link', { name: 'Zurück zu den Unterhaltungen' });
    expect(await back.isVisible()).toBe(true);
    expect(await focused(page)).toBe('inbox-back');

    // The customer panel (with the internal notes) is a drawer away; Escape closes it.
    await page.getByRole('button', { name: 'Kunde & Notizen' }).click();
    const drawer = page.getByRole('dialog', { name: 'Kunde / Kundin' });
    await drawer.getByTestId('contact-panel').getByText('Erika Mustermann').first().waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Reply: the box and the send button fit the screen and are big enough to hit.
    const text = page.getByTestId('composer-text');
    const send = page.getByTestId('composer-submit');
    for (const control of [text, send]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    expect((await text.boundingBox())!.width).toBeGreaterThan(250);
    expect((await send.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    await text.fill('Hallo Erika, mit dem Code SOCIAL10 sparen Sie 10 %.');
    await send.click();
    await page.locator('[data-testid="delivery-state"][data-state="queued"]').first().waitFor();
    const outbound = await stack.db.dataSource.getRepository(Message).findOneByOrFail({ direction: 'outbound' });
    expect(outbound.text).toBe('Hallo Erika, mit dem Code SOCIAL10 sparen Sie 10 %.');
    expect(await wider(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // Back to the list; the focus lands on the thread just left.
    await back.click();
    await page.waitForURL((u) => u.pathname === '/inbox');
    await row(page, 'Max Müller').waitFor();
    expect(await page.getByTestId('conversation').count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Erika Mustermann') ?? false);

    // By keyboard: Enter on the focused row opens it, Enter on the focused Back control returns.
    await page.keyboard.press('Enter');
    await page.waitForURL(threadUrl);
    await page.getByTestId('conversation').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'inbox-back');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/inbox');

    // The browser's Back button: from a thread opened in the list back to the list.
    await row(page, 'Max Müller').click();
    await page.getByTestId('message-list').getByText('Meine Bestellung').waitFor();
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/inbox');
    await row(page, 'Max Müller').waitFor();
    expect(await page.getByTestId('conversation').count()).toBe(0);
  }, 90_000);

  it('an admin reaches reports, channels and admin through the menu, each as wide as the phone', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await signIn(page, stack.url, 'admin@demo.local');
    const menu = page.getByRole('button', { name: 'Menü öffnen' });
    for (const [nav, heading] of [
      ['nav-reports', 'Berichte'],
      ['nav-channels', 'Kanäle'],
      ['nav-admin', 'Team & Einstellungen'],
    ] as const) {
      // The menu is closed (and out of the Tab order) until opened; it closes on the way to the page.
      expect(await page.getByTestId(nav).isVisible()).toBe(false);
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await page.getByRole('button', { name: 'Menü schließen' }).getAttribute('aria-expanded')).toBe('true');
      await page.getByTestId(nav).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole('button', { name: 'Menü öffnen' }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    }
  }, 90_000);
});
