import type { MessageRecord } from '@resonance/contracts';
import { parsePayload } from './parse';
import { privateReplyRefusal, type PrivateReplySubject } from './private-reply';
import { replyWindowOf } from './reply-window';

const NOW = new Date('2026-12-07T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 3600_000);
const comment = (over: Partial<PrivateReplySubject> = {}): PrivateReplySubject => ({
  channel: 'comment',
  fromAccount: false,
  hasExternalId: true,
  deleted: false,
  hidden: false,
  createdAt: daysAgo(1),
  replied: false,
  ...over,
});

describe('privateReplyRefusal (the rule MessageItem.actions and the API apply)', () => {
  it('allows a private reply to a customer comment on Instagram within 7 days', () => {
    expect(privateReplyRefusal('instagram', comment(), NOW)).toBeNull();
    expect(privateReplyRefusal('instagram', comment({ createdAt: daysAgo(6.99) }), NOW)).toBeNull();
  });

  it('refuses with the reason: already sent, older than 7 days, hidden', () => {
    expect(privateReplyRefusal('instagram', comment({ replied: true }), NOW)).toBe('sent');
    expect(privateReplyRefusal('instagram', comment({ createdAt: daysAgo(7.01) }), NOW)).toBe('expired');
    expect(privateReplyRefusal('instagram', comment({ hidden: true }), NOW)).toBe('hidden');
  });

  it('offers nothing for direct messages, the account’s own comments, deleted or unsent ones, or networks without private replies', () => {
    expect(privateReplyRefusal('instagram', comment({ channel: 'direct' }), NOW)).toBe('not_applicable');
    expect(privateReplyRefusal('instagram', comment({ fromAccount: true }), NOW)).toBe('not_applicable');
    expect(privateReplyRefusal('instagram', comment({ deleted: true }), NOW)).toBe('not_applicable');
    expect(privateReplyRefusal('instagram', comment({ hasExternalId: false }), NOW)).toBe('not_applicable');
    expect(privateReplyRefusal('x', comment(), NOW)).toBe('not_applicable');
    expect(privateReplyRefusal('facebook', comment(), NOW)).toBe('not_applicable');
  });
});

describe('replyWindowOf (ThreadDetail.replyWindow)', () => {
  const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

  it('Instagram direct: 24 hours, open then closed, with when it closed', () => {
    expect(replyWindowOf('instagram', 'direct', hoursAgo(23), false, NOW)).toEqual({
      hours: 24,
      humanAgent: false,
      closesAt: new Date(hoursAgo(23).getTime() + 24 * 3600_000),
      closed: false,
    });
    expect(replyWindowOf('instagram', 'direct', hoursAgo(25), false, NOW)).toEqual({ hours: 24, humanAgent: false, closesAt: hoursAgo(1), closed: true });
  });

  it('with HUMAN_AGENT approval: 7 days on Instagram; Messenger stays at 24 hours (its connector sends no tag)', () => {
    expect(replyWindowOf('instagram', 'direct', hoursAgo(25), true, NOW)).toMatchObject({ hours: 168, humanAgent: true, closed: false });
    expect(replyWindowOf('instagram', 'direct', hoursAgo(169), true, NOW)).toMatchObject({ hours: 168, closed: true, closesAt: hoursAgo(1) });
    expect(replyWindowOf('facebook', 'direct', hoursAgo(25), true, NOW)).toMatchObject({ hours: 24, humanAgent: false, closed: true });
  });

  it('no message from the customer: closed, never opened; comments and other networks have no window', () => {
    expect(replyWindowOf('instagram', 'direct', null, false, NOW)).toEqual({ hours: 24, humanAgent: false, closesAt: null, closed: true });
    expect(replyWindowOf('instagram', 'comment', hoursAgo(100), false, NOW)).toBeNull();
    expect(replyWindowOf('x', 'direct', hoursAgo(100), false, NOW)).toBeNull();
  });
});

describe('Instagram /tags media without username', () => {
  it('maps to a mention with an author that has no name (never "undefined"), so the inbox names it "Instagram user"', () => {
    const records = parsePayload({
      network: 'instagram',
      endpoint: 'mentions',
      body: {
        data: [
          { id: '17900000000000101', caption: 'Neues Rad von @laden', media_type: 'IMAGE', timestamp: '2026-12-06T10:00:00+0000' },
          { id: '17900000000000102', username: 'radfan', media_type: 'IMAGE', timestamp: '2026-12-06T11:00:00+0000' },
        ],
        paging: { cursors: { after: 'QVFI' } },
      },
    }).filter((r): r is MessageRecord => r.kind === 'message');
    expect(records.map((r) => [r.externalId, r.author, r.text])).toEqual([
      ['17900000000000101', {}, 'Neues Rad von @laden'],
      ['17900000000000102', { name: 'radfan', handle: 'radfan' }, ''],
    ]);
    expect(JSON.stringify(records)).not.toContain('undefined');
  });
});
