import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageRecord, UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from '../parse';
import { XING_RATE_LIMIT_DELAY_MS } from './errors';

// Every fixture here is MODELLED on XING's former public API (fixtures/SOURCES.md), not recorded.
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const parse = (endpoint: string, name: string, extra: { accountId?: string; objectId?: string; status?: number } = {}) =>
  parsePayload({ network: 'xing', endpoint, body: fixture(name), ...extra });
const messages = (records: UnifiedRecord[]) => records.filter((r): r is MessageRecord => r.kind === 'message');

describe('XING (modelled) fixtures → unified records', () => {
  it('company updates: one post per update (headline and text), likes and comment counts, where paging ends', () => {
    const records = parse('updates', 'company-updates-page1.json');
    expect(records).toEqual([
      {
        kind: 'post',
        network: 'xing',
        externalId: '5880000002',
        text: 'Neue Kollektion ab Montag\n\nAb Montag gibt es unsere Winterkollektion auch im Onlineshop.',
        url: 'https://www.xing.com/pages/resonance-demo-gmbh/updates/5880000002',
        publishedAt: '2026-11-20T09:15:00.000Z',
        counts: { reactions: 14, comments: 2 },
      },
      {
        kind: 'post',
        network: 'xing',
        externalId: '5880000001',
        text: 'We are hiring\n\nOur customer service team in Hamburg is growing.',
        url: 'https://www.xing.com/pages/resonance-demo-gmbh/updates/5880000001',
        publishedAt: '2026-11-18T14:02:11.000Z',
        counts: { reactions: 3, comments: 0 },
      },
      { kind: 'page', network: 'xing', nextCursor: null },
    ]);
  });

  it('update comments: every comment in the update’s thread, the company’s own answer told apart', () => {
    const records = parse('comments', 'update-comments-page1.json', { accountId: '90000042' });
    const ms = messages(records);
    expect(ms).toEqual([
      {
        kind: 'message',
        network: 'xing',
        externalId: '5880000002_700000001',
        threadKey: '5880000002',
        channel: 'comment',
        parentExternalId: null,
        postExternalId: '5880000002',
        author: { externalId: '31337001_c0ffee', name: 'Jana Schröder', avatarUrl: 'https://www.xing.com/img/users/modelled/31337001_c0ffee.48x48.jpg' },
        text: 'Gibt es die Jacke auch in Größe XL?',
        createdAt: '2026-11-20T10:01:42.000Z',
        isFromAccount: false,
      },
      {
        kind: 'message',
        network: 'xing',
        externalId: '5880000002_700000002',
        threadKey: '5880000002',
        channel: 'comment',
        parentExternalId: null,
        postExternalId: '5880000002',
        author: { externalId: '90000042', name: 'Resonance Demo GmbH' },
        text: 'Ja, ab Montag in allen Größen von S bis XXL.',
        createdAt: '2026-11-20T10:20:05.000Z',
        isFromAccount: true,
      },
    ]);
    expect(records[records.length - 1]).toEqual({ kind: 'page', network: 'xing', nextCursor: null });
    // Without the account, nothing is guessed about who wrote it.
    expect(messages(parse('comments', 'update-comments-page1.json'))[1].isFromAccount).toBeUndefined();
  });

  it('conversations: one direct thread per conversation with its unread count', () => {
    expect(parse('conversations', 'conversations-page1.json')).toEqual([
      { kind: 'thread', network: 'xing', externalId: '4242000001', channel: 'direct', updatedAt: '2026-11-21T16:40:00.000Z', unread: 1 },
      { kind: 'page', network: 'xing', nextCursor: null },
    ]);
  });

  it('messages (newest first): both in the conversation’s thread with sender and time', () => {
    const ms = messages(parse('messages', 'conversation-messages-page1.json'));
    expect(ms.map((m) => [m.externalId, m.threadKey, m.channel, m.author.externalId, m.author.name, m.createdAt])).toEqual([
      ['4242000001_810000002', '4242000001', 'direct', '11000042_a1b2c3', 'Alex Admin', '2026-11-21T16:40:00.000Z'],
      ['4242000001_810000001', '4242000001', 'direct', '31337002_beef01', 'Markus Weber', '2026-11-21T16:31:09.000Z'],
    ]);
    expect(ms[1].text).toBe('Hallo, meine Bestellung 12345 ist noch nicht angekommen. Können Sie nachsehen?');
  });

  it('a list with more behind it points at the next offset', () => {
    const body = {
      comments: {
        total: 5,
        items: [
          { id: '1_1', content: 'a', created_at: '2026-11-20T10:00:00Z', commenter: { id: 'u' } },
          { id: '1_2', content: 'b', created_at: '2026-11-20T10:00:01Z', commenter: { id: 'u' } },
        ],
      },
    };
    const records = parsePayload({ network: 'xing', endpoint: 'comments', body });
    expect(records[records.length - 1]).toEqual({ kind: 'page', network: 'xing', nextCursor: '2' });
  });

  it.each([
    ['error-401-invalid-oauth-token.json', 401, 'AUTH_REVOKED'],
    ['error-401-invalid-oauth-signature.json', 401, 'AUTH_REVOKED'],
    ['error-401-timestamp-expired.json', 401, 'TRANSIENT'],
    ['error-401-nonce-already-used.json', 401, 'TRANSIENT'],
    ['error-403-rate-limit-exceeded.json', 403, 'RATE_LIMITED'],
    ['error-403-access-denied.json', 403, 'PERMISSION_DENIED'],
    ['error-403-invalid-parameters.json', 403, 'INVALID_REQUEST'],
    ['error-404-not-found.json', 404, 'NOT_FOUND'],
  ] as const)('%s (HTTP %d) → %s', (name, status, code) => {
    const [record] = parse('comments', name, { status });
    expect(record).toMatchObject({ kind: 'error', network: 'xing', code });
    if (code === 'RATE_LIMITED') expect(record).toMatchObject({ retryAfterMs: XING_RATE_LIMIT_DELAY_MS });
    else expect(record).not.toHaveProperty('retryAfterMs');
  });

  it('names the field of INVALID_PARAMETERS, and tells admins about partner access when XING refuses the app', () => {
    expect(parse('comments', 'error-403-invalid-parameters.json', { status: 403 })[0]).toMatchObject({
      message: 'INVALID_PARAMETERS: Invalid parameters (content FIELD_REQUIRED)',
    });
    const [denied] = parsePayload({
      network: 'xing',
      endpoint: 'updates',
      status: 401,
      body: { error_name: 'INVALID_OAUTH_CONSUMER', message: 'Invalid consumer' },
    });
    expect(denied).toMatchObject({ code: 'AUTH_REVOKED' });
    expect((denied as { message: string }).message).toMatch(/XING API partners only/);
    // A proxy's HTML page or a bare 5xx still gets a code.
    expect(parsePayload({ network: 'xing', endpoint: 'updates', status: 502, body: '<html>Bad Gateway</html>' })[0]).toMatchObject({ code: 'TRANSIENT' });
  });

  it('every fixture file is used above and listed in SOURCES.md as modelled', () => {
    const sources = readFileSync(join(__dirname, 'fixtures', 'SOURCES.md'), 'utf8');
    expect(sources).toMatch(/MODELLED, not recorded/);
    for (const file of readdirSync(join(__dirname, 'fixtures')).filter((f) => f.endsWith('.json'))) expect(sources).toContain(file);
  });
});
