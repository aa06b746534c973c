import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Config } from '@resonance/config';
import type { AuthUser } from '../auth/auth.types';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/auth.types';
import { readCookie } from '../auth/cookies';
import type { SessionService } from '../auth/session.service';
import type { HttpRequest } from '../common/http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type QueueBoardVerdict = { allow: true; user: AuthUser } | { allow: false; status: 401 | 403; message: string };

/**
 * Who may use bull-board: the rules of the api's SessionGuard for an admin-only route. Signed in
 * (401 otherwise), an admin (403 otherwise) — of QUEUE_BOARD_WORKSPACE when it is set, because the
 * board shows every tenant's jobs. Its writes (retry, promote, clean, pause) need the session's
 * CSRF token in X-CSRF-Token like every other write, or — as bull-board's own page cannot send
 * that header — an Origin header naming PUBLIC_URL's origin: a browser sets Origin itself on
 * every cross-origin write, and no page of another origin can make it say ours.
 */
export async function judgeQueueBoardRequest(
  req: HttpRequest,
  sessions: Pick<SessionService, 'resolve'>,
  config: Pick<Config, 'PUBLIC_URL' | 'QUEUE_BOARD_WORKSPACE'>,
): Promise<QueueBoardVerdict> {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const user = token ? await sessions.resolve(token) : null;
  if (!user) return { allow: false, status: 401, message: 'sign in as an admin to see the queues' };
  if (user.role !== 'admin') return { allow: false, status: 403, message: 'the queues are for admins only' };
  if (!inBoardWorkspace(user, config)) {
    return { allow: false, status: 403, message: "the queues are for the operators' workspace only (QUEUE_BOARD_WORKSPACE)" };
  }
  if (!SAFE_METHODS.has(req.method) && !sameSessionToken(req.headers[CSRF_HEADER], user.csrfToken) && !sameOrigin(req.headers.origin, config.PUBLIC_URL)) {
    return { allow: false, status: 403, message: 'missing or wrong X-CSRF-Token header, and the request does not come from this site' };
  }
  return { allow: true, user };
}

/** QUEUE_BOARD_WORKSPACE, when set, is the one workspace whose admins may use the board. */
export function inBoardWorkspace(user: Pick<AuthUser, 'workspaceId'>, config: Pick<Config, 'QUEUE_BOARD_WORKSPACE'>): boolean {
  return !config.QUEUE_BOARD_WORKSPACE || user.workspaceId === config.QUEUE_BOARD_WORKSPACE;
}

function sameSessionToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sameOrigin(origin: string | undefined, publicUrl: string): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

/** The refusal in the api's error shape. */
export function refuseQueueBoard(res: ServerResponse, status: 401 | 403, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ statusCode: status, message, error: status === 401 ? 'Unauthorized' : 'Forbidden' }));
}
