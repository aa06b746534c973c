import * as crypto from 'node:crypto';
import { verifyFacebookSignature } from './webhook';

/**
 * The signature must be compared in constant time (a byte-by-byte compare leaks how many leading
 * bytes of a forged signature are right). Timing is too noisy to assert in CI, so this checks that
 * the comparison is the one crypto.timingSafeEqual makes, on the full digests.
 */
describe('verifyFacebookSignature', () => {
  afterEach(() => jest.restoreAllMocks());

  it('compares the whole digest with crypto.timingSafeEqual', () => {
    // The module object itself (not an import-interop copy), which webhook.ts reads at call time.
    const spy = jest.spyOn(jest.requireActual<typeof crypto>('node:crypto'), 'timingSafeEqual');
    const body = Buffer.from('{"object":"page"}');
    const good = `sha256=${crypto.createHmac('sha256', 's3cret').update(body).digest('hex')}`;
    expect(verifyFacebookSignature(body, good, 's3cret')).toBe(true);
    const forged = `sha256=${'0'.repeat(64)}`;
    expect(verifyFacebookSignature(body, forged, 's3cret')).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [a, b] of spy.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });

  it('accepts exactly "sha256=" + 64 hex digits of the right digest, nothing before or after', () => {
    const body = Buffer.from('{"object":"page"}');
    const hex = crypto.createHmac('sha256', 's3cret').update(body).digest('hex');
    expect(verifyFacebookSignature(body, `sha256=${hex}`, 's3cret')).toBe(true);
    expect(verifyFacebookSignature(body, `sha256=${hex.toUpperCase()}`, 's3cret')).toBe(true);
    // Node's hex decoder stops at the first non-hex character: each of these decoded to the right 32 bytes.
    for (const lenient of [`sha256=${hex}junk`, `sha256=${hex}0`, `sha256=${hex}=`, `sha256=${hex} `, `sha256=${hex}\n`, `sha256=${hex}${hex}`]) {
      expect([lenient, verifyFacebookSignature(body, lenient, 's3cret')]).toEqual([lenient, false]);
    }
    for (const other of [`SHA256=${hex}`, `sha256= ${hex}`, `sha1=${hex}`, hex, `sha256=${hex.slice(0, 63)}`, 'sha256=', '']) {
      expect([other, verifyFacebookSignature(body, other, 's3cret')]).toEqual([other, false]);
    }
  });
});
