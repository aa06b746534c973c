/**
 * What pino replaces with [Redacted] in every process's log (api and worker alike): credentials
 * must never reach a log line. One list, so a path added for one process protects the other too
 * (the api's and the worker's copies had drifted apart: each missed a path of the other's).
 */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  // Facebook's webhook signature: an HMAC of the body under the app secret.
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.token',
  '*.secret',
  // A channel account's decrypted credentials (tokens, XING's OAuth 1.0a secrets).
  '*.credentials',
];

export const REDACT_CENSOR = '[Redacted]';

/** pino's `redact` option for every logger of Resonance. */
export const logRedaction = (): { paths: string[]; censor: string } => ({ paths: [...REDACT_PATHS], censor: REDACT_CENSOR });
