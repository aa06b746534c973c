import { parsePayload } from '../parse';

/**
 * `feed` changes other than new comments, in the shapes the sim sends them (apps/sim
 * networks/facebook/webhooks.ts: reactionChange, postChange): each gives a record (a hint to fetch
 * what changed), never nothing.
 */
const PAGE = '104857600123456';
const POST = `${PAGE}_123000000000001`;
const delivery = (value: Record<string, unknown>) => ({ object: 'page', entry: [{ id: PAGE, time: 1796663990, changes: [{ field: 'feed', value }] }] });
const parse = (value: Record<string, unknown>) => parsePayload({ network: 'facebook', endpoint: 'webhook', body: delivery(value) });

describe('Facebook feed webhook forms → records', () => {
  it('a reaction on a post or on a comment, added or removed: a hint to fetch the post', () => {
    const from = { id: '7000000000000236', name: 'Ethan Johnson' };
    for (const verb of ['add', 'edit', 'remove']) {
      expect(parse({ item: 'reaction', verb, post_id: POST, parent_id: POST, reaction_type: 'love', from, created_time: 1796663990 })).toEqual([
        { kind: 'hint', network: 'facebook', target: 'post', externalId: POST },
      ]);
    }
    const onComment = {
      item: 'reaction',
      verb: 'add',
      post_id: POST,
      parent_id: '123000000000001_100000000000071',
      comment_id: '123000000000001_100000000000071',
    };
    expect(parse({ ...onComment, reaction_type: 'like', from, created_time: 1796663990 })).toEqual([
      { kind: 'hint', network: 'facebook', target: 'post', externalId: POST },
    ]);
  });

  it("the page's post published, edited and removed: a post record, then hints", () => {
    const from = { id: PAGE, name: 'Resonance Demo Shop' };
    expect(parse({ item: 'status', verb: 'add', post_id: POST, published: 1, from, created_time: 1796663990, message: 'Frisch' })).toEqual([
      { kind: 'post', network: 'facebook', externalId: POST, text: 'Frisch', publishedAt: '2026-12-07T17:19:50.000Z' },
    ]);
    expect(parse({ item: 'status', verb: 'edited', post_id: POST, published: 1, from, created_time: 1796663999, message: 'Frischer' })).toEqual([
      { kind: 'hint', network: 'facebook', target: 'post', externalId: POST },
    ]);
    expect(parse({ item: 'status', verb: 'remove', post_id: POST, recipient_id: PAGE, from, created_time: 1796664000 })).toEqual([
      { kind: 'hint', network: 'facebook', target: 'post', externalId: POST },
    ]);
  });
});
