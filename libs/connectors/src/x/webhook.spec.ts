import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { isXCrcToken, verifyXSignature, xCrcResponseToken } from './webhook';

const secret = 'consumer-secret';
const sign = (data: string | Buffer) => `sha256=${createHmac('sha256', secret).update(data).digest('base64')}`;
const body = Buffer.from(JSON.stringify({ for_user_id: '1', direct_message_events: [] }));

describe('X webhook signatures', () => {
  it('accepts exactly "sha256=" + the base64 digest of the body, nothing else', () => {
    const good = sign(body);
    expect(verifyXSignature(body, good, secret)).toBe(true);
    const digest = good.slice('sha256='.length);
    // Node's base64 decoder would read each of these as the right 32 bytes.
    for (const lenient of [
      `${good}junk`,
      `${good}=`,
      `${good} `,
      `sha256=${digest.replace(/=$/, '')}`,
      `sha256=${digest.slice(0, 20)}!!${digest.slice(20)}`,
      `sha256= ${digest}`,
      `SHA256=${digest}`,
      `sha256=${digest.replace(/\+/g, '-').replace(/\//g, '_')}${/[+/]/.test(digest) ? '' : '!'}`,
      `x${good}`,
    ]) {
      expect([lenient, verifyXSignature(body, lenient, secret)]).toEqual([lenient, false]);
    }
    expect(verifyXSignature(body, undefined, secret)).toBe(false);
    expect(verifyXSignature(body, sign('other'), secret)).toBe(false);
  });
});

describe('X CRC tokens', () => {
  it('answers tokens of X’s shape with "sha256=" + base64 HMAC of the token', () => {
    const token = 'dGhpcyBpcyBhIHRva2VuIGZyb20gWA==';
    expect(isXCrcToken(token)).toBe(true);
    expect(xCrcResponseToken(token, secret)).toBe(sign(token));
  });

  it('refuses body-like, empty, too long or non-string tokens, and will not sign them', () => {
    const json = JSON.stringify({ for_user_id: '1', direct_message_events: [{ type: 'message_create' }] });
    for (const bad of [
      json,
      '{"a":1}',
      '[1,2,3,4,5]',
      'abc def ghi',
      'abc\ndefghi',
      'short',
      '',
      'a'.repeat(129),
      'ÄÖÜäöüßéè',
      undefined,
      12345678,
      ['abcdefgh'],
    ]) {
      expect([bad, isXCrcToken(bad)]).toEqual([bad, false]);
    }
    expect(() => xCrcResponseToken(json, secret)).toThrow(RangeError);
  });

  it('no CRC answer is ever a valid delivery signature for the same bytes', () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    console.log(`x crc/delivery disjointness: seed ${seed} (FC_SEED=${seed} reproduces)`);
    const tokenChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-';
    const tokenLike = fc.string({ unit: fc.constantFrom(...tokenChars.split('')), minLength: 1, maxLength: 140 });
    const bodyLike = fc.string({ unit: fc.constantFrom(...`${tokenChars}{}[]":, \n`.split('')), minLength: 1, maxLength: 140 });
    fc.assert(
      fc.property(fc.oneof(tokenLike, bodyLike, fc.json()), (token) => {
        if (isXCrcToken(token)) expect(verifyXSignature(Buffer.from(token), xCrcResponseToken(token, secret), secret)).toBe(false);
        else expect(() => xCrcResponseToken(token, secret)).toThrow(RangeError);
      }),
      { seed, numRuns: 500 },
    );
  });
});
