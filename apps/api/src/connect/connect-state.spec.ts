import { createHash } from 'node:crypto';
import { loggableUrl } from '../logger';
import { newState, parseState, pkcePair, sameId, stateMatches } from './connect-state';

describe('connect state and PKCE', () => {
  it('issues `<uuid>.<43 url-safe chars>` states whose secret matches only its own hash', () => {
    const a = newState();
    const b = newState();
    expect(a.state).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(a.state).not.toBe(b.state);
    const parsed = parseState(a.state);
    expect(parsed?.id).toBe(a.id);
    expect(stateMatches(parsed!.secret, a.hash)).toBe(true);
    expect(stateMatches(parsed!.secret, b.hash)).toBe(false);
    expect(stateMatches(parseState(b.state)!.secret, a.hash)).toBe(false);
    // The table holds the hash, never the secret.
    expect(a.hash).not.toContain(parsed!.secret);
  });

  it('refuses malformed states before any lookup', () => {
    const { state, id } = newState();
    for (const bad of [
      undefined,
      '',
      'x',
      id,
      `${id}.`,
      `${id}.short`,
      `${state}.extra`,
      `not-a-uuid.${state.split('.')[1]}`,
      ['a'],
      state + 'A',
      'a'.repeat(300),
    ]) {
      expect(parseState(bad)).toBeNull();
    }
  });

  it('derives the PKCE challenge as S256 of the verifier (RFC 7636), fresh each time', () => {
    const { verifier, challenge } = pkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).toBe(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
    expect(pkcePair().verifier).not.toBe(verifier);
  });

  it('compares ids only when equal in full', () => {
    expect(sameId('abc', 'abc')).toBe(true);
    expect(sameId('abc', 'abd')).toBe(false);
    expect(sameId('abc', 'abcd')).toBe(false);
  });

  it('keeps the code and state of OAuth callbacks out of request logs', () => {
    expect(loggableUrl('/api/oauth/callback/facebook?code=SECRETCODE&state=s')).toBe('/api/oauth/callback/facebook?[Redacted]');
    expect(loggableUrl('/api/threads?status=open')).toBe('/api/threads?status=open');
  });
});
