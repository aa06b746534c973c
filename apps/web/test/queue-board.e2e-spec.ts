import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { startStack, type Stack } from './support/stack';

/**
 * Issue 28: an admin opens the job queues (bull-board) from the admin page, the way a person
 * would, and sees what waits; an agent reaching for the address gets a refusal, not the board.
 */
describe('dashboard: the job queues for admins', () => {
  let stack: Stack;
  let browser: BrowserHandle;

  beforeAll(async () => {
    stack = await startStack();
    // A reply waiting to go out (no worker runs here): the board shows it in the outbound queue.
    await stack.app.get<Queue>(getQueueToken('outbound'), { strict: false }).add('send', { messageId: 'board-e2e' }, { jobId: 'send-board-e2e' });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('an admin follows the link on the admin page, with the keyboard, to the board and finds the waiting reply', async () => {
    const { page } = browser;
    await signIn(page, stack.url, 'admin@demo.local');
    await page.goto(`${stack.url}/admin`);
    const link = page.getByRole('link', { name: 'Job-Warteschlangen' });
    await link.waitFor();
    expect(await page.getByText('Hintergrundaufträge').count()).toBe(1);
    const problemsBefore = browser.problems.length;
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${stack.url}/admin/queues**`);
    // bull-board's own page (its scripts under the api's Content-Security-Policy) lists the queues.
    await page.getByText('Resonance queues').first().waitFor({ timeout: 20_000 });
    const outbound = page.getByRole('link', { name: /outbound/i }).first();
    await outbound.waitFor();
    await outbound.click();
    await page.waitForURL(/\/admin\/queues\/queue\/outbound/);
    await page.getByText('send-board-e2e').first().waitFor({ timeout: 20_000 });
    // Nothing failed on the board but the web font it asks Google for, which the api's
    // Content-Security-Policy blocks (the board falls back to the system font; no request leaves).
    expect(browser.problems.slice(problemsBefore).filter((p) => !p.includes('fonts.googleapis.com'))).toEqual([]);
  });

  it('an agent, who has no admin page, gets 403 at the address itself', async () => {
    const agent = await launchBrowser();
    try {
      await signIn(agent.page, stack.url, 'agent@demo.local');
      const res = await agent.page.goto(`${stack.url}/admin/queues`);
      expect(res?.status()).toBe(403);
      expect(await agent.page.locator('body').textContent()).toContain('admins only');
    } finally {
      await agent.close();
    }
  });

  it('the link fits a 390 px wide screen', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${stack.url}/admin`);
      const link = page.getByRole('link', { name: 'Job-Warteschlangen' });
      await link.waitFor();
      const box = await link.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
