import { launchBrowser, signIn, type BrowserHandle } from './support/browser';
import { fbComment, startStack, type Stack } from './support/stack';

const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/**
 * SLA end to end on the demo world: an admin (German UI) sets a default target, an override and
 * Saturday hours with a holiday, sees a duplicate holiday refused in German and the save confirmed
 * by a toast; an agent sees "fällig in" / "überfällig seit" on each waiting thread, one of them
 * turning overdue on screen without a reload (the shared clock), sorts "SLA due first", and reads
 * the new status words ("Wartet auf Kunden", "Kunde wartet seit") — at 1440 px and at 390×844.
 */
describe('SLA targets, business hours and due times in the browser', () => {
  let stack: Stack;
  let admin: BrowserHandle;
  let agent: BrowserHandle;

  beforeAll(async () => {
    stack = await startStack();
    admin = await launchBrowser({ locale: 'de-DE' });
    agent = await launchBrowser({ locale: 'de-DE' });
  }, 180_000);

  afterAll(async () => {
    for (const b of [admin, agent]) if (b?.problems.length) console.log(b.problems.join('\n'));
    await admin?.close();
    await agent?.close();
    await stack?.close();
  });

  it('an admin sets targets, Saturday hours and a holiday; a duplicate holiday is refused in German; a toast confirms the save', async () => {
    const { page } = admin;
    await signIn(page, stack.url, 'admin@demo.local');
    await page.getByTestId('nav-admin').click();
    await page.getByRole('tab', { name: 'Zeitzone, Geschäftszeiten und SLA' }).click();
    await page.getByTestId('sla-form').waitFor();

    await page.getByLabel('Standardziel (Minuten)').fill('30');
    await page.getByTestId('sla-add-target').click();
    await page.getByTestId('sla-target').getByLabel('Minuten').fill('20');
    await page.getByRole('button', { name: 'Samstag: Zeiten hinzufügen' }).click();
    for (let i = 0; i < 2; i++) {
      await page.getByTestId('holiday-add').click();
      await page.getByTestId('holiday').nth(i).getByLabel('Datum').fill('2026-12-24');
      await page.getByTestId('holiday').nth(i).getByLabel('Name').fill('Heiligabend');
    }
    await page.getByTestId('sla-save').click();
    const refusal = page.getByTestId('sla-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('Ein Datum steht zweimal in den Feiertagen.');

    await page.getByRole('button', { name: 'Feiertag entfernen' }).nth(1).click();
    await page.getByTestId('sla-save').click();
    const toast = page.getByTestId('toast');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('SLA-Ziele, Geschäftszeiten und Feiertage gespeichert');

    const [policy] = await stack.db.dataSource.query<Array<{ default_minutes: number; business_hours_only: boolean; saturday: unknown }>>(
      `SELECT p.default_minutes, p.business_hours_only, w.business_hours -> '6' AS saturday FROM sla_policy p JOIN workspace w ON w.id = p.workspace_id`,
    );
    expect(policy).toEqual({ default_minutes: 30, business_hours_only: false, saturday: [['09:00', '17:00']] });
    expect(await stack.db.dataSource.query(`SELECT network, priority, minutes FROM sla_target`)).toEqual([{ network: null, priority: 3, minutes: 20 }]);
    expect(await stack.db.dataSource.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, name FROM workspace_holiday`)).toEqual([
      { day: '2026-12-24', name: 'Heiligabend' },
    ]);
  });

  it('an agent sees due/overdue ticking without a reload, sorts by SLA due, and reads the new status words', async () => {
    // Waiting since 70 and 10 minutes (due 30 minutes after: 40 minutes overdue, due in 20 minutes), and one due in about 25 seconds.
    await stack.ingest([
      fbComment({ threadKey: 't-late', authorName: 'Berta Lange', text: 'Seit über einer Stunde keine Antwort?', createdAt: ago(70 * MINUTE) }),
      fbComment({ threadKey: 't-fresh', authorName: 'Clara Neu', text: 'Habt ihr die Jacke auch in Blau?', createdAt: ago(10 * MINUTE) }),
      fbComment({ threadKey: 't-pending', authorName: 'Paul Rück', text: 'Ich schaue nach meiner Bestellnummer.', createdAt: ago(5 * MINUTE) }),
      fbComment({ threadKey: 't-soon', authorName: 'Anton Bald', text: 'Kurze Frage zur Größe.', createdAt: ago(30 * MINUTE - 25_000) }),
    ]);
    // The agent asked Paul something: that thread waits on the customer.
    await stack.db.dataSource.query(`UPDATE thread SET status = 'pending' WHERE thread_key = 't-pending'`);
    const { page } = agent;
    await signIn(page, stack.url, 'agent@demo.local');
    const row = (name: string) => page.getByTestId('thread-row').filter({ hasText: name });
    await row('Anton Bald').waitFor();
    expect(await row('Berta Lange').getByTestId('sla-due').textContent()).toMatch(/^überfällig seit 4[01] Min\.$/);
    expect(await row('Clara Neu').getByTestId('sla-due').textContent()).toMatch(/^fällig in (19|20) Min\.$/);
    expect(await row('Clara Neu').textContent()).toMatch(/Kunde wartet seit 1[01] Min\./);
    const soon = row('Anton Bald').getByTestId('sla-due');
    expect(await soon.getAttribute('data-overdue')).toBe('false');
    expect(await soon.textContent()).toBe('fällig in 1 Min.');
    // Nothing new arrives and nobody reloads: the shared clock turns it overdue.
    const requestsBefore = await page.evaluate(() => performance.getEntriesByType('resource').length);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="thread-row"]')]
          .find((r) => r.textContent?.includes('Anton Bald'))
          ?.querySelector('[data-testid="sla-due"]')
          ?.getAttribute('data-overdue') === 'true',
      undefined,
      { timeout: 60_000 },
    );
    expect(await soon.textContent()).toBe('überfällig seit 1 Min.');
    const listRequests = await page.evaluate(
      (before) =>
        performance
          .getEntriesByType('resource')
          .slice(before)
          .filter((e) => e.name.includes('/api/threads')).length,
      requestsBefore,
    );
    expect(listRequests).toBe(0);

    // Newest first by default; "SLA-Fälligkeit zuerst" puts the most overdue first.
    const names = async () =>
      (await page.getByTestId('thread-row').allTextContents()).map((t) => ['Berta Lange', 'Anton Bald', 'Clara Neu'].find((n) => t.includes(n)));
    expect(await names()).toEqual(['Clara Neu', 'Anton Bald', 'Berta Lange']);
    await page.getByTestId('sort-select').click();
    await page.getByRole('option', { name: 'SLA-Fälligkeit zuerst' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="thread-row"]')?.textContent?.includes('Berta Lange'));
    expect(await names()).toEqual(['Berta Lange', 'Anton Bald', 'Clara Neu']);
    expect(page.url()).toContain('sort=sla_due');

    // The thread shows its due time too.
    await row('Clara Neu').click();
    await page.getByTestId('conversation').getByTestId('sla-due').waitFor();
    expect(await page.getByTestId('conversation').getByTestId('sla-due').textContent()).toMatch(/^fällig in (18|19|20) Min\.$/);

    // "Wartet auf Kunden" (status pending) is not "Kunde wartet seit" (the customer waits on us).
    await page.getByTestId('filter-status').click();
    await page.getByRole('option', { name: 'Wartet auf Kunden' }).click();
    await row('Paul Rück').waitFor();
    expect(await row('Paul Rück').textContent()).toContain('Wartet auf Kunden');
  }, 120_000);

  it('at 390×844 the sort, the due badges and the admin form work', async () => {
    const { page } = agent;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.url}/inbox?sort=sla_due`);
    const first = page.getByTestId('thread-row').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('Berta Lange');
    const badge = first.getByTestId('sla-due');
    expect(await badge.isVisible()).toBe(true);
    // The due badge comes right after the status, inside its row (the inbox's own narrow layout is not this test's).
    const box = await badge.boundingBox();
    const rowBox = await first.boundingBox();
    expect(box && rowBox && box.x + box.width).toBeLessThanOrEqual((rowBox?.x ?? 0) + (rowBox?.width ?? 0));

    await admin.page.setViewportSize({ width: 390, height: 844 });
    await admin.page.reload();
    await admin.page.getByTestId('sla-form').waitFor();
    await admin.page.getByTestId('holiday-add').click();
    await admin.page.getByTestId('holiday').nth(1).getByLabel('Datum').fill('2026-12-31');
    await admin.page.getByTestId('holiday').nth(1).getByLabel('Name').fill('Silvester');
    await admin.page.getByTestId('sla-save').scrollIntoViewIfNeeded();
    await admin.page.getByTestId('sla-save').click();
    await admin.page.getByTestId('toast').last().waitFor();
    expect(await stack.db.dataSource.query(`SELECT name FROM workspace_holiday ORDER BY day`)).toEqual([{ name: 'Heiligabend' }, { name: 'Silvester' }]);
    const formWidth = await admin.page.getByTestId('sla-form').evaluate((el) => el.scrollWidth);
    expect(formWidth).toBeLessThanOrEqual(390);
  }, 60_000);
});
