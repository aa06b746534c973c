import { randomBytes } from 'node:crypto';
import { CredentialsCipher } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, type TestDatabase } from '@resonance/testing';
import { rotateCredentials } from '../src/commands/rotate-key';

const newKey = () => randomBytes(32).toString('base64');

describe('resonance rotate-key', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('re-encrypts every credential under the previous key with the current one, once, and names what no key opens', async () => {
    const [oldKey, currentKey, lostKey] = [newKey(), newKey(), newKey()];
    const workspace = await makeWorkspace(db.dataSource);
    const secrets = [{ accessToken: 'EAAB-old-1' }, { accessToken: 'EAAB-old-2' }];
    const old = await Promise.all(
      secrets.map((s) => makeChannel(db.dataSource, workspace, { credentialsEncrypted: new CredentialsCipher(oldKey).encrypt(s) })),
    );
    const fresh = await makeChannel(db.dataSource, workspace, { credentialsEncrypted: new CredentialsCipher(currentKey).encrypt({ accessToken: 'EAAB-new' }) });
    const lost = await makeChannel(db.dataSource, workspace, { credentialsEncrypted: new CredentialsCipher(lostKey).encrypt({ accessToken: 'EAAB-lost' }) });

    const cipher = CredentialsCipher.fromConfig({ ENCRYPTION_KEY: currentKey, ENCRYPTION_KEY_PREVIOUS: oldKey });
    const report = await rotateCredentials(db.dataSource, cipher);
    expect(report).toEqual({ rotated: 2, current: 1, unreadable: [`channel_account.credentials_encrypted ${lost.id}`] });

    // Only the current key is needed now.
    const currentOnly = new CredentialsCipher(currentKey);
    const stored = async (id: string) =>
      (await db.dataSource.query(`SELECT credentials_encrypted FROM channel_account WHERE id = $1`, [id]))[0].credentials_encrypted as string;
    for (const [i, channel] of old.entries()) expect(currentOnly.decrypt(await stored(channel.id))).toEqual(secrets[i]);
    expect(currentOnly.decrypt(await stored(fresh.id))).toEqual({ accessToken: 'EAAB-new' });
    const rewritten = await stored(old[0].id);
    expect(() => new CredentialsCipher(oldKey).decrypt(rewritten)).toThrow(/unreadable/);

    // A second run has nothing left to do.
    expect(await rotateCredentials(db.dataSource, cipher)).toEqual({
      rotated: 0,
      current: 3,
      unreadable: [`channel_account.credentials_encrypted ${lost.id}`],
    });
  });
});
