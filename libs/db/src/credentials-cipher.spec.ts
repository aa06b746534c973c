import { randomBytes } from 'node:crypto';
import { CredentialsCipher } from './credentials-cipher';

describe('CredentialsCipher', () => {
  const key = randomBytes(32).toString('base64');

  it('round-trips credentials and never stores them in clear', () => {
    const cipher = new CredentialsCipher(key);
    const stored = cipher.encrypt({ accessToken: 'EAAB-secret-token' });
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('EAAB');
    expect(cipher.decrypt(stored)).toEqual({ accessToken: 'EAAB-secret-token' });
  });

  it('uses a fresh IV each time', () => {
    const cipher = new CredentialsCipher(key);
    expect(cipher.encrypt({ a: 1 })).not.toBe(cipher.encrypt({ a: 1 }));
  });

  it('refuses a tampered value and a wrong key', () => {
    const stored = new CredentialsCipher(key).encrypt({ a: 1 });
    const parts = stored.split('.');
    parts[3] = Buffer.from('x' + Buffer.from(parts[3]!, 'base64url').toString('latin1'), 'latin1').toString('base64url');
    expect(() => new CredentialsCipher(key).decrypt(parts.join('.'))).toThrow();
    expect(() => new CredentialsCipher(randomBytes(32).toString('base64')).decrypt(stored)).toThrow();
  });

  it('refuses a key of the wrong length', () => {
    expect(() => new CredentialsCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
