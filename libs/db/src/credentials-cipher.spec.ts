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
    parts[3] = Buffer.from('x' + Buffer.from(parts[3], 'base64url').toString('latin1'), 'latin1').toString('base64url');
    expect(() => new CredentialsCipher(key).decrypt(parts.join('.'))).toThrow();
    expect(() => new CredentialsCipher(randomBytes(32).toString('base64')).decrypt(stored)).toThrow();
  });

  it('refuses a key of the wrong length', () => {
    expect(() => new CredentialsCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

describe('CredentialsCipher key rotation', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');

  it('reads values under a previous key, writes with the current one, and says which need re-encrypting', () => {
    const stored = new CredentialsCipher(oldKey).encrypt({ accessToken: 'EAAB-old' });
    const rotated = CredentialsCipher.fromConfig({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: oldKey });
    expect(rotated.decrypt(stored)).toEqual({ accessToken: 'EAAB-old' });
    expect(rotated.needsRotation(stored)).toBe(true);
    const again = rotated.encrypt({ accessToken: 'EAAB-old' });
    expect(rotated.needsRotation(again)).toBe(false);
    expect(new CredentialsCipher(newKey).decrypt(again)).toEqual({ accessToken: 'EAAB-old' });
    // Without the previous key the old value is unreadable.
    expect(() => new CredentialsCipher(newKey).decrypt(stored)).toThrow(/unreadable/);
  });
});
