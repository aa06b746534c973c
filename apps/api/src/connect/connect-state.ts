import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** How long the network's consent page may take before its state is refused. */
export const STATE_TTL_MS = 10 * 60_000;
/** How long the admin has to pick the accounts after the network sent them back. */
export const PICK_TTL_MS = 30 * 60_000;

/**
 * Why a connect flow ended without accounts to pick. These codes are all the callback puts in the
 * dashboard's URL (never a message, never anything the network sent), and the dashboard words them.
 */
export const CONNECT_ERRORS = [
  'access_denied',
  'consent_failed',
  'invalid_state',
  'state_expired',
  'state_used',
  'other_session',
  'network_error',
  'no_accounts',
] as const;
export type ConnectErrorCode = (typeof CONNECT_ERRORS)[number];

const sha256 = (value: string) => createHash('sha256').update(value).digest();
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The state sent to the network: `<row id>.<32 random bytes>`. The row id finds the flow without
 * comparing secrets in an index; the secret is checked against its stored SHA-256 in constant
 * time, so neither a timing side channel nor a copy of the table yields a usable state.
 */
export function newState(): { id: string; state: string; hash: string } {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, state: `${id}.${secret}`, hash: sha256(secret).toString('hex') };
}

export function parseState(state: unknown): { id: string; secret: string } | null {
  if (typeof state !== 'string' || state.length > 200) return null;
  const [id, secret, ...rest] = state.split('.');
  if (rest.length || !id || !secret || !UUID.test(id) || !SECRET.test(secret)) return null;
  return { id, secret };
}

/** Constant-time: the stored hash against the hash of the presented secret. */
export function stateMatches(secret: string, storedHash: string): boolean {
  const given = sha256(secret);
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}

/** Constant-time equality of two server-side ids (session ids are HMACs; no secret, but no oracle either). */
export function sameId(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** RFC 7636 S256: a 43-character verifier (kept server-side, encrypted) and its challenge (sent). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: sha256(verifier).toString('base64url') };
}
