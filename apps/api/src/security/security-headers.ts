import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '@resonance/config';

/**
 * The dashboard is a Vite build served from the API's origin: its scripts, styles and API calls
 * are all same-origin. Avatars too: the api fetches them from the networks and serves them
 * (GET /api/contacts/:id/avatar), so an agent's browser never loads an image from a host a
 * customer's profile names; data: stays for the UI library's inline icons. Inline styles stay
 * allowed because React sets style attributes; inline scripts and eval do not. Nobody may frame
 * the dashboard (clickjacking on the reply and admin buttons).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
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

/**
 * API answers carry sessions' data (and login's CSRF token): no browser or proxy may keep a copy,
 * which would outlive the logout on a shared computer. A route that may be cached says so itself.
 */
export const API_CACHE_CONTROL = 'no-store';

/** Express-style middleware: set before any route runs, so errors and 404s carry them too. */
export function securityHeadersMiddleware(config: Pick<Config, 'PUBLIC_URL'>) {
  const headers = Object.entries(securityHeaders(config));
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    // Express routes /API/... like /api/... (case-insensitive), so the check is too.
    if (/^\/api(\/|\?|$)/i.test(req.url ?? '')) res.setHeader('Cache-Control', API_CACHE_CONTROL);
    next();
  };
}
