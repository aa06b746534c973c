import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '@resonance/config';

/**
 * The dashboard is a Vite build served from the API's origin: its scripts, styles and API calls
 * are all same-origin. Avatars come from the networks' CDNs (https images). Inline styles stay
 * allowed because React sets style attributes; inline scripts and eval do not. Nobody may frame
 * the dashboard (clickjacking on the reply and admin buttons).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The security headers of every response, API and dashboard alike. */
export function securityHeaders(config: Pick<Config, 'PUBLIC_URL'>): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
  // HSTS only where people reach Resonance over https; on plain http it would be ignored at best.
  if (config.PUBLIC_URL.startsWith('https:')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/** Express-style middleware: set before any route runs, so errors and 404s carry them too. */
export function securityHeadersMiddleware(config: Pick<Config, 'PUBLIC_URL'>) {
  const headers = Object.entries(securityHeaders(config));
  return (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    next();
  };
}
