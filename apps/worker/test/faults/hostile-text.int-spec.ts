import type { MessageRecord } from '@resonance/contracts';
import { createTestDatabase, makeChannel, makeWorkspace, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '../../src';

/**
 * A network can send text PostgreSQL cannot store as it is (NUL; an unpaired surrogate in JSON
 * escapes). Such a comment must not block its page for ever (the page would be fetched and refused
 * again and again, and everything after it never stored): it is stored with those characters
 * replaced, once.
 */
describe('ingest of hostile text from a network', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('stores a page with NUL and unpaired surrogates in text and names, and nothing twice', async () => {
    const channel = await makeChannel(db.dataSource, await makeWorkspace(db.dataSource));
    const record = (externalId: string, text: string): MessageRecord => ({
      kind: 'message',
      network: 'facebook',
      externalId,
      threadKey: externalId,
      channel: 'comment',
      postExternalId: 'p1',
      author: { externalId: 'a\u0000b', name: 'Eve\u0000 \uD800' },
      text,
      createdAt: new Date().toISOString(),
    });
    const page = [record('h1', 'null\u0000byte'), record('h2', 'lone \uD800 surrogate'), record('h3', 'fine')];
    const store = new IngestStore(db.dataSource);
    await store.ingest(channel.id, page);
    await store.ingest(channel.id, page);
    const rows = await db.dataSource.query(`SELECT external_id, text FROM message WHERE channel_account_id = $1 ORDER BY external_id`, [channel.id]);
    expect(rows.map((r: { external_id: string }) => r.external_id)).toEqual(['h1', 'h2', 'h3']);
    expect(rows[0].text).toBe('null\uFFFDbyte');
  });
});
