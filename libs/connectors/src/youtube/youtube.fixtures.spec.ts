import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageRecord, nextPacificMidnight, type UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from '../parse';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const parse = (endpoint: string, body: unknown, extra: { accountId?: string; objectId?: string; status?: number } = {}) =>
  parsePayload({ network: 'youtube', endpoint, body, ...extra });
const messages = (records: UnifiedRecord[]) => records.filter((r): r is MessageRecord => r.kind === 'message');
const googleError = (status: number, reason: string, message = 'm', domain = 'youtube.api') => ({
  error: { code: status, message, errors: [{ message, domain, reason }] },
});

describe('YouTube fixtures → unified records', () => {
  it('commentThreads.list (allThreadsRelatedToChannelId): every thread is a comment thread, channel-level ones without a video', () => {
    const records = parse('comment-threads', fixture('commentthreads-all-related-to-channel.json'));
    const ms = messages(records);
    expect(ms).toHaveLength(4);
    expect(records[records.length - 1]).toEqual({ kind: 'page', network: 'youtube', nextCursor: null });
    expect(ms[0]).toEqual({
      kind: 'message',
      network: 'youtube',
      externalId: 'UgyWeTdgc4sc1xgmbld4AaABAg',
      threadKey: 'UgyWeTdgc4sc1xgmbld4AaABAg',
      channel: 'comment',
      parentExternalId: null,
      postExternalId: 'JE8xdDp5B8Q',
      author: {
        externalId: 'UCNvMBmCASzTNNX8lW3JRMbw',
        name: 'kun liu',
        avatarUrl: 'https://yt3.ggpht.com/a/AGF-l7845DW6v_u-F6i94KsqacXl7fYAiGl3roTghQ=s48-c-k-c0xffffffff-no-rj-mo',
      },
      text: 'Hope to go next time. yah!',
      createdAt: '2019-12-01T03:36:55.000Z',
      url: 'https://www.youtube.com/watch?v=JE8xdDp5B8Q&lc=UgyWeTdgc4sc1xgmbld4AaABAg',
    });
    // The two channel-level threads (no videoId, an older kind) belong to no post and have no video link.
    const channelLevel = ms.filter((m) => m.postExternalId === null);
    expect(channelLevel.map((m) => m.externalId)).toEqual(['Ugy0FhSzKMNMT9qs6zt4AaABAg', 'UgwSRpgkjCe6OHHe3IJ4AaABAg']);
    expect(channelLevel[0]).toMatchObject({
      text: '大满贯',
      author: { externalId: 'UCupGECpPBlTnanhGHLe6GpA', name: '杨佳名' },
      createdAt: '2019-11-29T02:58:25.000Z',
    });
    expect(channelLevel[0].url).toBeUndefined();
    expect(new Set(ms.map((m) => m.threadKey)).size).toBe(4);
  });

  it('embedded replies (part=replies) land in their thread with the top-level comment as parent', () => {
    const body = fixture('commentthreads-all-related-to-channel.json') as { items: Array<Record<string, unknown>> };
    const reply = fixture('comment-insert-reply-response.json') as { snippet: Record<string, unknown> };
    const thread = body.items[3];
    const withReply = { ...thread, replies: { comments: [{ ...reply, snippet: { ...reply.snippet, parentId: thread.id } }] } };
    const ms = messages(parse('comment-threads', { ...body, items: [withReply], nextPageToken: 'QURTSl9p' }));
    expect(ms).toHaveLength(2);
    expect(ms[1]).toMatchObject({
      externalId: 'Ugy_CAftKrIUCyPr9GR4AaABAg.9iPXEClD9lW9iPXLqKy_Pt',
      threadKey: 'UgwSRpgkjCe6OHHe3IJ4AaABAg',
      parentExternalId: 'UgwSRpgkjCe6OHHe3IJ4AaABAg',
      postExternalId: null,
    });
  });

  it('comments.insert reply response: one reply in the thread of its parent', () => {
    const records = parse('comment-insert', fixture('comment-insert-reply-response.json'));
    expect(records).toEqual([
      {
        kind: 'message',
        network: 'youtube',
        externalId: 'Ugy_CAftKrIUCyPr9GR4AaABAg.9iPXEClD9lW9iPXLqKy_Pt',
        threadKey: 'Ugy_CAftKrIUCyPr9GR4AaABAg',
        channel: 'comment',
        parentExternalId: 'Ugy_CAftKrIUCyPr9GR4AaABAg',
        postExternalId: null,
        author: {
          externalId: 'UCa-vrCLQHviTOVnEKDOdetQ',
          name: 'ikaros data',
          avatarUrl: 'https://yt3.ggpht.com/ytc/AMLnZu-fT-p35OYe0OaSzOmrQY8KEjXVHMgPxyj-hV2r=s48-c-k-c0x00ffffff-no-rj',
        },
        text: 'wow',
        createdAt: '2022-11-14T10:23:02.000Z',
      },
    ]);
  });

  it('comments.list?parentId page: replies threaded under the parent, paging token kept', () => {
    const reply = fixture('comment-insert-reply-response.json');
    const records = parse(
      'comments',
      { kind: 'youtube#commentListResponse', nextPageToken: 'Z2V0X25ld2VzdA', items: [reply] },
      { objectId: 'Ugy_CAftKrIUCyPr9GR4AaABAg' },
    );
    expect(messages(records)).toHaveLength(1);
    expect(messages(records)[0]).toMatchObject({ threadKey: 'Ugy_CAftKrIUCyPr9GR4AaABAg', parentExternalId: 'Ugy_CAftKrIUCyPr9GR4AaABAg' });
    expect(records[1]).toEqual({ kind: 'page', network: 'youtube', nextCursor: 'Z2V0X25ld2VzdA' });
  });

  it('videos.list (part=snippet,statistics): a post with likes, comments and views from their string counters', () => {
    const records = parse('videos', {
      kind: 'youtube#videoListResponse',
      items: [
        {
          kind: 'youtube#video',
          id: 'JE8xdDp5B8Q',
          snippet: { publishedAt: '2019-11-28T10:00:00Z', channelId: 'UCa-vrCLQHviTOVnEKDOdetQ', title: 'Title', description: 'About it' },
          statistics: { viewCount: '1200', likeCount: '33', favoriteCount: '0', commentCount: '4' },
        },
      ],
      pageInfo: { totalResults: 1, resultsPerPage: 1 },
    });
    expect(records).toEqual([
      {
        kind: 'post',
        network: 'youtube',
        externalId: 'JE8xdDp5B8Q',
        text: 'Title\n\nAbout it',
        url: 'https://www.youtube.com/watch?v=JE8xdDp5B8Q',
        publishedAt: '2019-11-28T10:00:00.000Z',
        counts: { reactions: 33, comments: 4, views: 1200 },
      },
      { kind: 'page', network: 'youtube', nextCursor: null },
    ]);
  });
});

describe('YouTube error bodies → codes', () => {
  it('403 quotaExceeded (the real body) → QUOTA_EXCEEDED, waiting until midnight Pacific', () => {
    const before = Date.now();
    const [record] = parse('comment-threads', fixture('error-403-quota-exceeded.json'), { status: 403 });
    expect(record).toMatchObject({ kind: 'error', network: 'youtube', code: 'QUOTA_EXCEEDED' });
    const wait = (record as { retryAfterMs: number }).retryAfterMs;
    const reset = nextPacificMidnight(before);
    expect(before + wait).toBeGreaterThanOrEqual(reset - 2_000);
    expect(before + wait).toBeLessThanOrEqual(reset + 2_000);
    expect((record as { message: string }).message).toMatch(/midnight Pacific/);
    expect((record as { message: string }).message).not.toMatch(/<a /);
  });

  it.each([
    [401, googleError(401, 'authError', 'Invalid Credentials', 'global'), 'AUTH_EXPIRED'],
    [403, googleError(403, 'insufficientPermissions', 'Insufficient Permission', 'global'), 'PERMISSION_DENIED'],
    [403, googleError(403, 'commentsDisabled'), 'PERMISSION_DENIED'],
    [404, googleError(404, 'commentNotFound'), 'NOT_FOUND'],
    [404, googleError(404, 'videoNotFound'), 'NOT_FOUND'],
    [400, googleError(400, 'invalidTextOriginal'), 'INVALID_REQUEST'],
    [400, googleError(400, 'required', 'Required', 'global'), 'INVALID_REQUEST'],
    [429, googleError(429, 'rateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits'), 'RATE_LIMITED'],
    [403, googleError(403, 'dailyLimitExceeded', 'Daily Limit Exceeded', 'usageLimits'), 'QUOTA_EXCEEDED'],
    [500, googleError(500, 'backendError', 'Backend Error', 'global'), 'TRANSIENT'],
    [503, '<html>Service Unavailable</html>', 'TRANSIENT'],
    [400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, 'AUTH_REVOKED'],
    [401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' }, 'INVALID_REQUEST'],
  ])('%i %j → %s', (status, body, code) => {
    const [record] = parse('comments', body, { status });
    expect(record).toMatchObject({ kind: 'error', network: 'youtube', code });
  });

  it('rate limits wait 60 s unless Google says otherwise', () => {
    const [record] = parse('comments', googleError(429, 'rateLimitExceeded'), { status: 429 });
    expect(record).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 60_000 });
  });
});
