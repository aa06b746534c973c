import type { UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from '../parse';

const parse = (endpoint: string, body: unknown, status?: number): UnifiedRecord[] =>
  parsePayload({ network: 'youtube', endpoint, body, ...(status !== undefined ? { status } : {}) });
const googleError = (status: number, reason: string, domain = 'youtube.video') => ({
  error: {
    code: status,
    message: 'Bad Request',
    errors: [{ message: 'Bad Request', domain, reason, location: 'body.snippet.categoryId', locationType: 'other' }],
  },
});

/**
 * Video forms the product's `videos` endpoint can now receive (the sim serves uploads, updates and
 * every documented part), in the shape of the videos resource reference: no recorded payload of
 * these was at hand, so the bodies follow the reference (and the sim's answers).
 */
const uploaded = {
  kind: 'youtube#video',
  etag: 'q4LZq0b3cQWbGyGvqfvN3a2Q9kY',
  id: 'Xr2sT-Lk0aQ',
  snippet: {
    publishedAt: '2026-12-07T20:55:02Z',
    channelId: 'UCresonanceDemoShop00042',
    title: 'Neue Kollektion',
    description: 'Alle Farben im Überblick',
    thumbnails: {
      default: { url: 'https://i.ytimg.com/vi/Xr2sT-Lk0aQ/default.jpg?v=1', width: 120, height: 90 },
      maxres: { url: 'https://i.ytimg.com/vi/Xr2sT-Lk0aQ/maxresdefault.jpg?v=1', width: 1280, height: 720 },
    },
    channelTitle: 'Resonance Demo Shop',
    tags: ['mode', 'herbst'],
    categoryId: '26',
    liveBroadcastContent: 'none',
    defaultLanguage: 'de',
    localized: { title: 'Neue Kollektion', description: 'Alle Farben im Überblick' },
  },
  status: {
    uploadStatus: 'processed',
    privacyStatus: 'private',
    publishAt: '2026-12-24T08:00:00.000Z',
    license: 'youtube',
    embeddable: true,
    publicStatsViewable: true,
    madeForKids: false,
    selfDeclaredMadeForKids: false,
  },
  statistics: { viewCount: '0', likeCount: '0', favoriteCount: '0', commentCount: '0' },
  fileDetails: { fileName: 'kollektion.mp4', fileSize: '1536', fileType: 'video' },
  processingDetails: { processingStatus: 'succeeded', thumbnailsAvailability: 'available' },
};

describe('YouTube video forms → unified records', () => {
  it('a videos page with an uploaded, scheduled private video and every part → its post, then the page', () => {
    const records = parse('videos', {
      kind: 'youtube#videoListResponse',
      etag: 'e',
      nextPageToken: 'CAIQAA',
      pageInfo: { totalResults: 3, resultsPerPage: 2 },
      items: [uploaded],
    });
    expect(records).toEqual([
      {
        kind: 'post',
        network: 'youtube',
        externalId: 'Xr2sT-Lk0aQ',
        text: 'Neue Kollektion\n\nAlle Farben im Überblick',
        url: 'https://www.youtube.com/watch?v=Xr2sT-Lk0aQ',
        publishedAt: '2026-12-07T20:55:02.000Z',
        counts: { reactions: 0, comments: 0, views: 0 },
      },
      { kind: 'page', network: 'youtube', nextCursor: 'CAIQAA' },
    ]);
  });

  it('a single video resource (the answer of videos.insert or videos.update) given as a page → a named error, not silence', () => {
    const records = parse('videos', uploaded);
    const errors = records.filter((r) => r.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ network: 'youtube', code: 'UNKNOWN', message: expect.stringContaining('videos page') });
  });

  it.each([
    [400, 'badContent', 'global', 'INVALID_REQUEST'],
    [400, 'mediaBodyRequired', 'youtube.video', 'INVALID_REQUEST'],
    [413, 'mediaBodyTooLarge', 'youtube.thumbnail', 'INVALID_REQUEST'],
    [400, 'wrongUrlForUpload', 'global', 'INVALID_REQUEST'],
    [400, 'invalidCategoryId', 'youtube.video', 'INVALID_REQUEST'],
    [400, 'invalidAbuseReason', 'youtube.video', 'INVALID_REQUEST'],
    [400, 'incompatibleParameters', 'youtube.parameter', 'INVALID_REQUEST'],
    [400, 'invalidSearchFilter', 'youtube.parameter', 'INVALID_REQUEST'],
    [403, 'forbiddenPrivacySetting', 'youtube.video', 'PERMISSION_DENIED'],
    [404, 'videoNotFound', 'youtube.video', 'NOT_FOUND'],
  ])('a %i %s error body → %s', (status, reason, domain, code) => {
    const records = parse('videos', googleError(status, reason, domain), status);
    expect(records).toEqual([expect.objectContaining({ kind: 'error', network: 'youtube', code })]);
  });

  it('a spent search.list or videos.insert bucket answers the same quotaExceeded body → QUOTA_EXCEEDED until midnight Pacific', () => {
    const body = {
      error: {
        code: 403,
        message: 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
        errors: [{ message: 'quota', domain: 'youtube.quota', reason: 'quotaExceeded' }],
      },
    };
    const [record] = parse('videos', body, 403);
    expect(record).toMatchObject({ kind: 'error', code: 'QUOTA_EXCEEDED', retryAfterMs: expect.any(Number) });
  });
});
