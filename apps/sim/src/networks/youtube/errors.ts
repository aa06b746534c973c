import { json, type SimResponse } from '../../core/http';

/**
 * Google API error bodies ({error: {code, message, errors: [{message, domain, reason, ...}], status}})
 * and OAuth endpoint errors ({error, error_description}), as www.googleapis.com and
 * oauth2.googleapis.com send them.
 */
const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function google(
  code: number,
  reason: string,
  message: string,
  extra: { domain?: string; location?: string; locationType?: string; status?: string } = {},
  headers?: Record<string, string>,
): SimResponse {
  const { domain = 'youtube.api', location, locationType, status } = extra;
  const item: Record<string, string> = { message, domain, reason };
  if (location) item.location = location;
  if (locationType) item.locationType = locationType;
  return json(code, { error: { code, message, errors: [item], status: status ?? STATUS[code] ?? 'UNKNOWN' } }, headers);
}

const QUOTA_MESSAGE = 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.';

export const errors = {
  /** The daily quota is spent (fixture error-403-quota-exceeded.json: no `status` field in that body). */
  quotaExceeded: (): SimResponse =>
    json(403, { error: { code: 403, message: QUOTA_MESSAGE, errors: [{ message: QUOTA_MESSAGE, domain: 'youtube.quota', reason: 'quotaExceeded' }] } }),
  /** Too many requests in a short time (per-minute limits), as 403 usageLimits or 429. */
  rateLimited: (status: 403 | 429): SimResponse =>
    status === 429
      ? google(
          429,
          'rateLimitExceeded',
          "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute'.",
          { domain: 'global' },
          { 'retry-after': '30' },
        )
      : google(403, 'rateLimitExceeded', 'Rate Limit Exceeded', { domain: 'usageLimits' }),
  loginRequired: (): SimResponse =>
    google(
      401,
      'required',
      'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      { domain: 'global', location: 'Authorization', locationType: 'header' },
    ),
  invalidCredentials: (): SimResponse =>
    google(
      401,
      'authError',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      { domain: 'global', location: 'Authorization', locationType: 'header' },
    ),
  insufficientScope: (): SimResponse => google(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', { domain: 'global' }),
  required: (param: string): SimResponse =>
    google(400, 'required', `Required parameter: ${param}`, { domain: 'global', location: param, locationType: 'parameter' }),
  invalidParam: (param: string, message: string, reason = 'invalidParameter'): SimResponse =>
    google(400, reason, message, { domain: 'youtube.parameter', location: param, locationType: 'parameter' }),
  invalidPageToken: (): SimResponse =>
    google(400, 'invalidPageToken', 'The request specifies an invalid page token.', {
      domain: 'youtube.parameter',
      location: 'pageToken',
      locationType: 'parameter',
    }),
  parseError: (): SimResponse => google(400, 'parseError', 'Parse Error', { domain: 'global' }),
  commentTextRequired: (): SimResponse =>
    google(400, 'commentTextRequired', 'The comment resource that is being inserted must specify a value for the snippet.textOriginal property.', {
      domain: 'youtube.comment',
    }),
  commentNotFound: (): SimResponse =>
    google(404, 'commentNotFound', 'The comment identified by the <code>id</code> parameter could not be found.', {
      domain: 'youtube.comment',
      location: 'id',
      locationType: 'parameter',
    }),
  parentCommentNotFound: (): SimResponse =>
    google(404, 'commentNotFound', 'One or more of the requested comments could not be found.', {
      domain: 'youtube.comment',
      location: 'parentId',
      locationType: 'parameter',
    }),
  videoNotFound: (): SimResponse =>
    google(
      404,
      'videoNotFound',
      'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter could not be found.',
      { domain: 'youtube.commentThread', location: 'videoId', locationType: 'parameter' },
    ),
  channelNotFound: (): SimResponse =>
    google(404, 'channelNotFound', 'The channel identified by the <code>allThreadsRelatedToChannelId</code> parameter could not be found.', {
      domain: 'youtube.commentThread',
      location: 'allThreadsRelatedToChannelId',
      locationType: 'parameter',
    }),
  playlistNotFound: (): SimResponse =>
    google(404, 'playlistNotFound', "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.", {
      domain: 'youtube.playlistItem',
      location: 'playlistId',
      locationType: 'parameter',
    }),
  notFound: (): SimResponse => google(404, 'notFound', 'The requested URL was not found on this server.', { domain: 'global' }),
  methodNotAllowed: (): SimResponse => google(405, 'httpMethodNotAllowed', 'Method not allowed.', { domain: 'global', status: 'UNIMPLEMENTED' }),
  backendError: (status = 500): SimResponse => google(status, 'backendError', 'Backend Error', { domain: 'global' }),
  /** oauth2.googleapis.com errors. */
  oauth: (status: number, error: string, description: string): SimResponse => json(status, { error, error_description: description }),
};
