import { json, type SimResponse } from '../../core/http';

/**
 * XING's error bodies, `{error_name, message, errors?}`, with the names its archived official client
 * knows (xing/xing_api lib/xing_api/response_handler.rb). MODELLED: no recorded body exists.
 */
const error = (status: number, name: string, message: string, errors?: Array<{ field: string; reason: string }>): SimResponse =>
  json(status, { error_name: name, message, ...(errors ? { errors } : {}) });

export const xingErrors = {
  invalidToken: () => error(401, 'INVALID_OAUTH_TOKEN', 'Invalid OAuth token'),
  invalidConsumer: () => error(401, 'INVALID_OAUTH_CONSUMER', 'Invalid OAuth consumer key'),
  invalidSignature: () => error(401, 'INVALID_OAUTH_SIGNATURE', 'Invalid OAuth signature'),
  invalidSignatureMethod: () => error(401, 'INVALID_OAUTH_SIGNATURE_METHOD', 'Only HMAC-SHA1 is supported'),
  invalidVersion: () => error(401, 'INVALID_OAUTH_VERSION', 'Only OAuth 1.0 is supported'),
  missing: (param: string) => error(401, 'REQUIRED_PARAMETER_MISSING', `Required OAuth parameter missing: ${param}`),
  timestampExpired: () => error(401, 'TIMESTAMP_EXPIRED', 'The oauth_timestamp is too far from the current time'),
  nonceUsed: () => error(401, 'NONCE_ALREADY_USED', 'The oauth_nonce has already been used'),
  rateLimit: () => error(403, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded'),
  accessDenied: (message = 'Access denied') => error(403, 'ACCESS_DENIED', message),
  invalidParameters: (field: string, reason: string) => error(403, 'INVALID_PARAMETERS', 'Invalid parameters', [{ field, reason }]),
  notFound: () => error(404, 'NOT_FOUND', 'The requested resource could not be found.'),
  methodNotAllowed: () => error(405, 'METHOD_NOT_ALLOWED', 'The requested method is not allowed for this resource.'),
  server: (status = 500) =>
    error(status, status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', status === 503 ? 'Service unavailable' : 'Internal server error'),
};
