import { ChannelAccount, CredentialsCipher, User, verifyPassword, Workspace } from '@resonance/db';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { DEMO_ACCOUNTS } from '@resonance/sim';
import { DEMO_PASSWORD, DEMO_USERS, SEEDED_NETWORKS, seedDemo } from '../src/seed';

describe('seedDemo', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates the demo workspace, its three users and connected demo channels, once', async () => {
    const config = testConfig();
    const first = await seedDemo(db.dataSource, config);
    const second = await seedDemo(db.dataSource, config);
    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, workspaceId: first.workspaceId });
    expect(await db.dataSource.getRepository(Workspace).count()).toBe(1);

    const users = await db.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').orderBy('u.email').getMany();
    expect(users.map((u) => [u.email, u.role])).toEqual([...DEMO_USERS].sort((a, b) => a.email.localeCompare(b.email)).map((u) => [u.email, u.role]));
    for (const user of users) expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);

    const channels = await db.dataSource.getRepository(ChannelAccount).createQueryBuilder('c').addSelect('c.credentialsEncrypted').getMany();
    expect(channels.map((c) => c.network).sort()).toEqual([...SEEDED_NETWORKS].sort());
    const facebook = channels.find((c) => c.network === 'facebook')!;
    const demo = DEMO_ACCOUNTS.find((a) => a.network === 'facebook')!;
    expect(facebook).toMatchObject({ externalId: demo.externalId, status: 'connected' });
    // Stored encrypted, readable with the configured key only.
    expect(facebook.credentialsEncrypted).not.toContain(demo.credentials.pageAccessToken);
    expect(new CredentialsCipher(config.ENCRYPTION_KEY).decrypt(facebook.credentialsEncrypted!)).toEqual(demo.credentials);
  });

  it('refuses to create well-known passwords outside demo mode', async () => {
    await expect(seedDemo(db.dataSource, testConfig({ DEMO_MODE: 'false' }))).rejects.toThrow(/only in demo mode/);
  });
});
