import type { Network } from '@resonance/contracts';
import { errorCodeForStatus, statusMessage, type ConnectorError } from './errors';
import { parseFacebookError } from './facebook/errors';
import { parseInstagramError } from './instagram/errors';
import { parseLinkedInError } from './linkedin/errors';
import { parseXError } from './x/errors';
import { parseXingError } from './xing/errors';
import { parseYoutubeError } from './youtube/errors';

const PARSERS: Record<Network, (response: { status: number; body: unknown }) => ConnectorError> = {
  facebook: parseFacebookError,
  instagram: parseInstagramError,
  x: parseXError,
  linkedin: parseLinkedInError,
  youtube: parseYoutubeError,
  xing: parseXingError,
};

describe('errorCodeForStatus: the one status-code fallback', () => {
  it('maps each status class to its code', () => {
    expect([500, 502, 503, 504, 599].map(errorCodeForStatus)).toEqual(Array(5).fill('TRANSIENT'));
    expect(errorCodeForStatus(429)).toBe('RATE_LIMITED');
    expect(errorCodeForStatus(401)).toBe('AUTH_EXPIRED');
    expect(errorCodeForStatus(403)).toBe('PERMISSION_DENIED');
    expect(errorCodeForStatus(404)).toBe('NOT_FOUND');
    expect([400, 409, 422].map(errorCodeForStatus)).toEqual(Array(3).fill('INVALID_REQUEST'));
    expect([402, 405, 410, 418, 302].map(errorCodeForStatus)).toEqual(Array(5).fill('UNKNOWN'));
  });

  it('statusMessage: the start of a text body, else the status', () => {
    expect(statusMessage({ status: 502, body: '<html>Bad Gateway</html>' })).toBe('<html>Bad Gateway</html>');
    expect(statusMessage({ status: 502, body: 'x'.repeat(500) })).toBe('x'.repeat(200));
    expect(statusMessage({ status: 503, body: '' })).toBe('HTTP 503');
    expect(statusMessage({ status: 500, body: { error: {} } })).toBe('HTTP 500');
  });

  // A body that names no network error (an HTML page from a proxy, an empty body): every network
  // falls back to the status alone, the same way — except where the network documents otherwise.
  const statuses = [400, 401, 403, 404, 409, 418, 422, 429, 500, 503];
  it.each(Object.keys(PARSERS) as Network[])('%s falls back to it for bodies without a network error code', (network) => {
    for (const body of ['<html>Bad Gateway</html>', '', {}, null]) {
      for (const status of statuses) {
        // XING's OAuth 1.0a tokens never expire: a bare 401 there means the token was refused for good.
        const expected = network === 'xing' && status === 401 ? 'AUTH_REVOKED' : errorCodeForStatus(status);
        const error = PARSERS[network]({ status, body });
        expect({ network, status, code: error.code }).toEqual({ network, status, code: expected });
        expect(error.message).toContain(statusMessage({ status, body }));
      }
    }
  });
});
