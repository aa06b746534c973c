import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createApi } from '@resonance/api';
import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * Issue 20, items 14 and 15 in the browser: the login page names the demo logins only in demo
 * mode, and a contact's avatar is loaded from the api, never from the network's host.
 */
describe('dashboard: demo hint and avatars', () => {
  let stack: Stack;
  let notDemo: INestApplication;
  let notDemoUrl: string;
  let imageHost: Server;
  let imageOrigin: string;
  let browser: BrowserHandle;

  beforeAll(async () => {
    imageHost = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG));
    await new Promise<void>((resolve) => imageHost.listen(0, '127.0.0.1', resolve));
    imageOrigin = `http://127.0.0.1:${(imageHost.address() as AddressInfo).port}`;
    // The loopback image server stands in for the sim (whose origin the api fetches avatars from).
    stack = await startStack({ config: { SIM_URL: imageOrigin } });
    // The same dashboard and database, served by an api that is not in demo mode.
    notDemo = await createApi({ ...stack.config, DEMO_MODE: false }, stack.db.url);
    await notDemo.listen(0, '127.0.0.1');
    notDemoUrl = `http://127.0.0.1:${(notDemo.getHttpServer().address() as AddressInfo).port}`;
    await stack.ingest([
      fbComment({
        threadKey: 't-avatar',
        authorName: 'Erika Mustermann',
        text: 'Wo ist mein Paket?',
        author: { externalId: 'fan-erika', name: 'Erika Mustermann', avatarUrl: `${imageOrigin}/erika.png` },
      }),
    ]);
    browser = await launchBrowser({ locale: 'en-US' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await notDemo?.close();
    await stack?.close();
    imageHost?.closeAllConnections();
    await new Promise((r) => imageHost?.close(r));
  });

  it('names the demo logins on the login page in demo mode only', async () => {
    const { page } = browser;
    const demoConfig = page.waitForResponse((r) => r.url().endsWith('/api/config'));
    await page.goto(stack.url);
    await demoConfig;
    await page.getByTestId('demo-hint').waitFor();
    expect(await page.getByTestId('demo-hint').textContent()).toContain('agent@demo.local');

    const config = page.waitForResponse((r) => r.url().endsWith('/api/config'));
    await page.goto(notDemoUrl);
    expect(await (await config).json()).toEqual({ demoMode: false });
    await page.locator('input[name="email"]').waitFor();
    expect(await page.getByTestId('demo-hint').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('demo.local');
  });

  it("shows a contact's avatar through the api; the browser never asks the network's host", async () => {
    const { page } = browser;
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await signIn(page, stack.url, 'agent@demo.local');
    const [{ id }] = await stack.db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 't-avatar'`);
    await page.goto(`${stack.url}/inbox/${id}`);
    const avatar = page.getByTestId('contact-panel').locator('img');
    await avatar.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="contact-panel"] img');
      return Boolean(img?.complete && img.naturalWidth > 0);
    });
    expect(await avatar.getAttribute('src')).toMatch(/^\/api\/contacts\/\d+\/avatar$/);
    expect(requested.filter((url) => url.startsWith(imageOrigin))).toEqual([]);
  });
});
