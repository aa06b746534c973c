import { json, type SimResponse } from '../../core/http';

/**
 * api.linkedin.com's error bodies: {status, serviceErrorCode, code, message} (code and
 * serviceErrorCode each absent on some answers, as on the real API). OAuth endpoints answer
 * {error, error_description} instead.
 */
const li = (status: number, message: string, extra: { code?: string; serviceErrorCode?: number } = {}): SimResponse =>
  json(status, {
    status,
    ...(extra.serviceErrorCode !== undefined ? { serviceErrorCode: extra.serviceErrorCode } : {}),
    ...(extra.code ? { code: extra.code } : {}),
    message,
  });

export const errors = {
  /** The real daily-limit body (fixture error-429-resource-throttle.json): no retry header, no code. */
  throttled: () => li(429, 'Resource level throttle limit for calls to this resource is reached.', { serviceErrorCode: 101 }),
  versionMissing: () => li(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', { code: 'VERSION_MISSING' }),
  versionRetired: (version: string) => li(426, `Requested version ${version} is not active`, { code: 'NONEXISTENT_VERSION' }),
  restliMissing: () => li(400, 'X-Restli-Protocol-Version header with value 2.0.0 is required for this resource', { code: 'ILLEGAL_ARGUMENT' }),
  tokenMissing: () => li(401, 'Empty oauth2 access token', { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN' }),
  tokenInvalid: () => li(401, 'Invalid access token', { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN' }),
  tokenExpired: () => li(401, 'The token used in the request has expired', { serviceErrorCode: 65601, code: 'EXPIRED_ACCESS_TOKEN' }),
  tokenRevoked: () => li(401, 'The token used in the request has been revoked by the user', { serviceErrorCode: 65602, code: 'REVOKED_ACCESS_TOKEN' }),
  accessDenied: (what: string) => li(403, `Not enough permissions to access: ${what}`, { serviceErrorCode: 100, code: 'ACCESS_DENIED' }),
  notFound: (what = 'No virtual resource found') => li(404, what, { serviceErrorCode: 0, code: 'RESOURCE_NOT_FOUND' }),
  badParam: (message: string) => li(400, message, { code: 'ILLEGAL_ARGUMENT' }),
  methodNotAllowed: () => li(405, 'Method not allowed', { code: 'METHOD_NOT_ALLOWED' }),
  unprocessable: (message: string) => li(422, message, { code: 'UNPROCESSABLE_ENTITY' }),
  serverError: (status = 500) => li(status, status === 503 ? 'Service Unavailable' : 'Internal Server Error', { serviceErrorCode: 0 }),
  oauth: (status: number, error: string, description: string) => json(status, { error, error_description: description }),
};
