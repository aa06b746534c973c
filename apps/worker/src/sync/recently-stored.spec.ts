import type { MessageRecord, PostRecord, UnifiedRecord } from '@resonance/contracts';
import { RecentlyStored } from './recently-stored';

const post = (id: string, comments: number): PostRecord => ({
  kind: 'post',
  network: 'facebook',
  externalId: id,
  text: 'Hello',
  publishedAt: '2026-12-07T10:00:00Z',
  counts: { comments },
});
const message = (id: string, text: string): MessageRecord => ({
  kind: 'message',
  network: 'facebook',
  externalId: id,
  threadKey: `t${id}`,
  channel: 'comment',
  author: { externalId: 'a1', name: 'Ann' },
  text,
  createdAt: '2026-12-07T10:01:00Z',
});
const ids = (records: UnifiedRecord[]) => records.map((r) => (r.kind === 'post' || r.kind === 'message' ? r.externalId : r.kind));

describe('RecentlyStored', () => {
  it('leaves out what was stored unchanged, keeps what changed, what was never stored and what is no post or message', () => {
    const recent = new RecentlyStored(60_000);
    const first = recent.fresh('c1', [post('p1', 1), message('m1', 'hi')], 0);
    expect(ids(first)).toEqual(['p1', 'm1']);
    recent.remember('c1', first, 0);
    const page: UnifiedRecord[] = [post('p1', 2), message('m1', 'hi'), message('m2', 'new'), { kind: 'page', network: 'facebook', nextCursor: null }];
    expect(ids(recent.fresh('c1', page, 1_000))).toEqual(['p1', 'm2', 'page']);
    // Another channel's items are its own.
    expect(ids(recent.fresh('c2', [message('m1', 'hi')], 1_000))).toEqual(['m1']);
  });

  it('only remembers what fresh() handed out (a copy made while storing is stored again next time)', () => {
    const recent = new RecentlyStored(60_000);
    const [m] = recent.fresh('c1', [message('m1', 'hi')], 0);
    recent.remember(
      'c1',
      [{ ...m, text: 'hi' } as UnifiedRecord].map((r) => JSON.parse(JSON.stringify(r)) as UnifiedRecord),
      0,
    );
    expect(ids(recent.fresh('c1', [message('m1', 'hi')], 1))).toEqual(['m1']);
  });

  it('stores again after the bound, and after forget()', () => {
    const recent = new RecentlyStored(60_000);
    recent.remember('c1', recent.fresh('c1', [message('m1', 'hi')], 0), 0);
    expect(ids(recent.fresh('c1', [message('m1', 'hi')], 59_999))).toEqual([]);
    expect(ids(recent.fresh('c1', [message('m1', 'hi')], 60_000))).toEqual(['m1']);
    recent.remember('c1', recent.fresh('c1', [message('m1', 'hi')], 60_000), 60_000);
    recent.forget('c1');
    expect(ids(recent.fresh('c1', [message('m1', 'hi')], 60_001))).toEqual(['m1']);
  });
});
