import { json, type SimResponse } from '../../core/http';

/** X's own error bodies (API v2 problem+json, the v1.1-style errors array, and OAuth 2.0 errors). */
const problemJson = { 'content-type': 'application/problem+json' };

const problem = (status: number, title: string, detail = title, type = 'about:blank', headers: Record<string, string> = {}): SimResponse => ({
  status,
  body: { title, detail, type, status },
  headers: { ...problemJson, ...headers },
});

export const errors = {
  /** 401 for a missing, unknown, expired or revoked bearer token. */
  unauthorized: () => problem(401, 'Unauthorized'),
  forbidden: (detail = 'You are not permitted to perform this action.') => problem(403, 'Forbidden', detail),
  /** The 429 of API v2: problem+json, with the window's x-rate-limit-* headers. */
  tooManyRequests: (headers: Record<string, string>) => problem(429, 'Too Many Requests', 'Too Many Requests', 'about:blank', headers),
  /** The 429 the rate-limit docs show: the v1.1-style code 88 body. */
  rateLimitCode88: (headers: Record<string, string>) => json(429, { errors: [{ code: 88, message: 'Rate limit exceeded' }] }, headers),
  /** A monthly usage cap reached. */
  usageCapped: () =>
    json(429, {
      account_id: 1,
      product_name: 'standard-basic',
      title: 'UsageCapExceeded',
      period: 'Monthly',
      scope: 'Product',
      detail: 'Usage cap exceeded: Monthly product cap',
      type: 'https://api.twitter.com/2/problems/usage-capped',
    }),
  invalidRequest: (parameter: string, value: string, message: string) =>
    json(400, {
      errors: [{ parameters: { [parameter]: [value] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    }),
  /** A lookup of something that is not there answers 200 with `errors` (partial-error style). */
  tweetNotFound: (id: string) =>
    json(200, {
      errors: [
        {
          value: id,
          detail: `Could not find tweet with id: [${id}].`,
          title: 'Not Found Error',
          resource_type: 'tweet',
          parameter: 'id',
          resource_id: id,
          type: 'https://api.twitter.com/2/problems/resource-not-found',
        },
      ],
    }),
  userNotFound: (id: string) =>
    json(200, {
      errors: [
        {
          value: id,
          detail: `Could not find user with id: [${id}].`,
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'id',
          resource_id: id,
          type: 'https://api.twitter.com/2/problems/resource-not-found',
        },
      ],
    }),
  /** An unknown route (api.x.com answers with the v1.1 body). */
  notFound: () => json(404, { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] }),
  internal: (status = 500) => (status === 503 ? problem(503, 'Service Unavailable') : json(status, { errors: [{ message: 'Internal error', code: 131 }] })),
  oauth: (status: number, error: string, description: string) => json(status, { error, error_description: description }),
};
