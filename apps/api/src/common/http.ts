import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthUser } from '../auth/auth.types';

/** The parts of Express's request and response the API uses (no @types/express dependency). */
export type HttpRequest = IncomingMessage & { user?: AuthUser; ip?: string; body?: unknown; method: string };
export type HttpResponse = ServerResponse;

export const clientIp = (req: HttpRequest): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * Public writes take JSON only: a cross-site form can post urlencoded or text bodies without CORS,
 * but not application/json, so a foreign page cannot submit them in a visitor's browser.
 */
export function isJsonRequest(req: HttpRequest): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/json');
}
