import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const toKey = (base64Key: string): Buffer => {
  const key = Buffer.from(base64Key.trim(), 'base64');
  if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes (base64)');
  return key;
};

/**
 * AES-256-GCM for network credentials at rest. The stored form is
 * `v1.<iv>.<tag>.<ciphertext>` (base64url parts).
 *
 * Key rotation: encryption always uses the current key; decryption tries the current key, then each
 * previous key (ENCRYPTION_KEY_PREVIOUS). GCM's tag tells a wrong key apart, so the stored form
 * needs no key id, and `resonance rotate-key` re-encrypts what an old key still opens.
 */
export class CredentialsCipher {
  private readonly key: Buffer;
  private readonly previous: Buffer[];

  constructor(base64Key: string, previousKeys: string[] = []) {
    this.key = toKey(base64Key);
    this.previous = previousKeys.filter((k) => k.trim() !== '').map(toKey);
  }

  /** The cipher for a Config's ENCRYPTION_KEY and ENCRYPTION_KEY_PREVIOUS (comma-separated). */
  static fromConfig(config: { ENCRYPTION_KEY: string; ENCRYPTION_KEY_PREVIOUS?: string }): CredentialsCipher {
    return new CredentialsCipher(config.ENCRYPTION_KEY, (config.ENCRYPTION_KEY_PREVIOUS ?? '').split(','));
  }

  encrypt(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  // The caller names the type it encrypted: AES-GCM authenticates the bytes, so an opened value is
  // exactly what this product stored under that column (a forged or altered one does not open).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- see above
  decrypt<T = unknown>(stored: string): T {
    return this.open(stored).value as T;
  }

  /** Whether the stored value opens only with a previous key (and so needs re-encrypting). */
  needsRotation(stored: string): boolean {
    return this.open(stored).keyIndex > 0;
  }

  private open(stored: string): { value: unknown; keyIndex: number } {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unreadable credentials');
    const keys = [this.key, ...this.previous];
    for (let i = 0; i < keys.length; i++) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', keys[i], Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
        return { value: JSON.parse(plain.toString('utf8')) as unknown, keyIndex: i };
      } catch {
        // Wrong key (the tag does not verify): try the next one.
      }
    }
    throw new Error('unreadable credentials: no configured key opens them (ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS)');
  }
}
