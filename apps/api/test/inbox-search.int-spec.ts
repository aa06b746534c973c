import type { INestApplication } from '@nestjs/common';
import type { MessageRecord } from '@resonance/contracts';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../src';
import { SEARCH_PROBE_FROM_MATCHES } from '../src/threads/threads.repository';
import { comment, login, makeLoginUser, type Session } from './support';

interface Item {
  id: string;
  lastMessagePreview: string;
}

/**
 * Inbox search takes two ways (threads.repository.ts): a rare term lists the threads the text index
 * found, a common one (SEARCH_PROBE_FROM_MATCHES matching messages or more) probes the newest
 * threads. Both must answer what the filter means: threads with a matching, not deleted message,
 * in the order and pages the sort asks for.
 */
describe('inbox search, rare and common terms', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let agent: Session;
  const common = SEARCH_PROBE_FROM_MATCHES + 50;
  const minute = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
    const ws = await makeWorkspace(db.dataSource);
    const channel = await makeChannel(db.dataSource, ws);
    const records: MessageRecord[] = [];
    for (let i = 0; i < common; i++) {
      records.push(comment({ threadKey: `parcel-${i}`, externalId: `p-${i}`, text: `Wo ist meine Lieferung Nummer ${i}?`, createdAt: minute(i) }));
    }
    for (let i = 0; i < 5; i++) {
      records.push(
        comment({ threadKey: `invoice-${i}`, externalId: `i-${i}`, text: `Bitte die Rechnung ${i} noch einmal senden`, createdAt: minute(common + i) }),
      );
    }
    records.push(comment({ threadKey: 'gone', externalId: 'g-1', text: 'Ein Gutschein bitte', createdAt: minute(common + 10) }));
    const store = new IngestStore(db.dataSource);
    for (let i = 0; i < records.length; i += 500) await store.ingest(channel.id, records.slice(i, i + 500));
    await store.close();
    await db.dataSource.query(`UPDATE message SET deleted = true WHERE external_id = 'g-1'`);
    agent = await login(app, (await makeLoginUser(db.dataSource, ws, 'agent')).email);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const page = async (query: Record<string, string | number>) =>
    (await agent.agent.get('/api/threads').query(query).expect(200)).body as { items: Item[]; nextCursor: string | null };

  it('a rare term: its threads, newest first, in pages', async () => {
    const first = await page({ q: 'Rechnungen', limit: 3 });
    expect(first.items.map((t) => t.lastMessagePreview)).toEqual([4, 3, 2].map((i) => `Bitte die Rechnung ${i} noch einmal senden`));
    expect(first.nextCursor).not.toBeNull();
    const second = await page({ q: 'Rechnungen', limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((t) => t.lastMessagePreview)).toEqual([1, 0].map((i) => `Bitte die Rechnung ${i} noch einmal senden`));
    expect(second.nextCursor).toBeNull();
    const waiting = await page({ q: 'Rechnung', sort: 'waiting', limit: 2 });
    expect(waiting.items.map((t) => t.lastMessagePreview)).toEqual([0, 1].map((i) => `Bitte die Rechnung ${i} noch einmal senden`));
  });

  it('a term with no match, or only in a deleted message: nothing', async () => {
    expect((await page({ q: 'Kündigung' })).items).toEqual([]);
    expect((await page({ q: 'Gutschein' })).items).toEqual([]);
  });

  it('a common term: a page of matching threads, newest first, and the next page after it', async () => {
    const first = await page({ q: 'Lieferung', limit: 50 });
    expect(first.items).toHaveLength(50);
    expect(first.items[0].lastMessagePreview).toBe(`Wo ist meine Lieferung Nummer ${common - 1}?`);
    expect(first.items[49].lastMessagePreview).toBe(`Wo ist meine Lieferung Nummer ${common - 50}?`);
    const second = await page({ q: 'Lieferung', limit: 50, cursor: first.nextCursor! });
    expect(second.items[0].lastMessagePreview).toBe(`Wo ist meine Lieferung Nummer ${common - 51}?`);
    const oldest = await page({ q: 'Lieferung', sort: 'waiting', limit: 1 });
    expect(oldest.items.map((t) => t.lastMessagePreview)).toEqual(['Wo ist meine Lieferung Nummer 0?']);
  });
});
