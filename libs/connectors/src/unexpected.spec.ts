import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorRecord, MessageRecord, UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from './parse';

const fixture = (network: string, name: string): unknown => JSON.parse(readFileSync(join(__dirname, network, 'fixtures', name), 'utf8'));
const errorsOf = (records: UnifiedRecord[]) => records.filter((r): r is ErrorRecord => r.kind === 'error');
const idsOf = (records: UnifiedRecord[]) => records.filter((r): r is MessageRecord => r.kind === 'message').map((m) => m.externalId);

/**
 * Every documented answer form of an endpoint gives records; anything else gives an error record
 * naming what was unexpected — never an empty result that looks like "nothing new".
 */
describe('parse never drops an unknown shape silently', () => {
  const comment = fixture('facebook', 'comment-single-with-attachment.json') as { id: string };
  const message = fixture('facebook', 'message-single-with-attachment.json') as { id: string };

  it('Graph: a list page, one node and nodes keyed by id (?ids=) all give records', () => {
    const page = parsePayload({ network: 'facebook', endpoint: 'comments', body: { data: [comment], paging: { cursors: { before: 'b', after: 'a' } } } });
    const node = parsePayload({ network: 'facebook', endpoint: 'comments', body: comment });
    const byId = parsePayload({ network: 'facebook', endpoint: 'comments', body: { [comment.id]: comment } });
    for (const records of [page, node, byId]) {
      expect(errorsOf(records)).toEqual([]);
      expect(idsOf(records)).toEqual([comment.id]);
    }
    // The comment's photo is read (the sync asks for `attachment` for this).
    expect(page.find((r): r is MessageRecord => r.kind === 'message')?.attachments?.[0]).toMatchObject({ url: expect.stringMatching(/^https:\/\/scontent/) });
    expect(idsOf(parsePayload({ network: 'facebook', endpoint: 'messages', body: message }))).toEqual([message.id]);
    expect(idsOf(parsePayload({ network: 'facebook', endpoint: 'message', body: { data: [message] } }))).toEqual([message.id]);
  });

  it('Graph: a well-formed answer in an unknown form is an error record naming what it got', () => {
    const records = parsePayload({ network: 'facebook', endpoint: 'comments', body: { comments: { data: [comment] }, summary: { total_count: 1 } } });
    expect(records).toEqual([
      {
        kind: 'error',
        network: 'facebook',
        code: 'UNKNOWN',
        message:
          'unexpected facebook payload: expected a page of comments ({data, paging}), one comment or comments keyed by id, got an object with comments, summary',
      },
    ]);
    expect(errorsOf(parsePayload({ network: 'facebook', endpoint: 'posts', body: [] }))[0].message).toMatch(/got an array \(0 items\)$/);
  });

  it('Graph: an item the mapper cannot place (no id) is reported in its place, the others kept', () => {
    const records = parsePayload({ network: 'facebook', endpoint: 'messages', body: { data: [message, { message: 'no id here', from: { id: '1' } }] } });
    expect(idsOf(records)).toEqual([message.id]);
    expect(errorsOf(records).map((e) => e.message)).toEqual(['unexpected facebook payload: expected a message with an id, got an object with message, from']);
  });

  it('X, YouTube and LinkedIn: a page without its list is named; an empty X page (no data, only meta) is not an error', () => {
    expect(errorsOf(parsePayload({ network: 'x', endpoint: 'mentions', body: { meta: { result_count: 0 } } }))).toEqual([]);
    expect(errorsOf(parsePayload({ network: 'x', endpoint: 'mentions', body: { data: { id: '1', text: 'one tweet, not a list' } } }))[0].message).toBe(
      'unexpected x payload: expected a page of tweets (an object with a "data" list), got an object with data',
    );
    expect(errorsOf(parsePayload({ network: 'youtube', endpoint: 'comment-threads', body: { kind: 'youtube#commentThreadListResponse' } }))[0].message).toMatch(
      /^unexpected youtube payload: expected a commentThreads page/,
    );
    expect(errorsOf(parsePayload({ network: 'linkedin', endpoint: 'comments', body: { results: {} } }))[0].message).toMatch(
      /^unexpected linkedin payload: expected a page of comments/,
    );
    // Documented items the product leaves out on purpose are not errors.
    expect(
      errorsOf(
        parsePayload({
          network: 'linkedin',
          endpoint: 'comments',
          body: { elements: [{ $URN: 'urn:li:comment:(urn:li:activity:1,2)', lifecycleState: 'DELETED' }], paging: { start: 0, count: 10, total: 1 } },
        }),
      ),
    ).toEqual([]);
    expect(
      errorsOf(parsePayload({ network: 'x', endpoint: 'dm-events', body: { data: [{ id: '9', event_type: 'ParticipantsJoin' }], meta: { result_count: 1 } } })),
    ).toEqual([]);
  });
});
