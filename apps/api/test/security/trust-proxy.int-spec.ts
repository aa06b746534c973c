import type { INestApplication } from '@nestjs/common';
import type { Workspace } from '@resonance/db';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { FREE_FAILURES_PER_CLIENT } from '../../src/auth/login-throttle';
import { HANDSHAKE_LIMIT } from '../../src/webhooks/handshake-rate-limit';
import { makeLoginUser } from '../support';
import { fromAddress } from './client-address';

/**
 * API_TRUST_PROXY decides whose address the per-client limits count: with a trusted proxy in front
 * (here: loopback) the address it forwards in X-Forwarded-For, so clients behind one proxy are not
 * one client; without it the socket's address, so a client cannot pick an address by writing the header.
 */
describe('client address behind a reverse proxy (API_TRUST_PROXY)', () => {
  let db: TestDatabase;
  let workspace: Workspace;
  let behindProxy: INestApplication;
  let direct: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    workspace = await makeWorkspace(db.dataSource);
    behindProxy = await createApi(testConfig({ API_TRUST_PROXY: 'loopback', API_WRITE_LIMIT_PER_MINUTE: '100000' }), db.url);
    await behindProxy.init();
    direct = await createApi(testConfig({ API_WRITE_LIMIT_PER_MINUTE: '100000' }), db.url);
    await direct.init();
  });
  afterAll(async () => {
    await behindProxy?.close();
    await direct?.close();
    await db?.drop();
  });

  const wrongLogin = (app: INestApplication, socketAddress: string, forwardedFor: string, email: string) =>
    fromAddress(app, socketAddress).post('/api/auth/login').set('X-Forwarded-For', forwardedFor).send({ email, password: 'wrong password' });

  const throttleKeys = async (like: string): Promise<string[]> =>
    (await db.dataSource.query<Array<{ key: string }>>(`SELECT key FROM login_throttle WHERE key LIKE $1 ORDER BY key`, [like])).map((r) => r.key);

  it('with API_TRUST_PROXY=loopback, two clients forwarded by the same proxy are throttled apart', async () => {
    const user = await makeLoginUser(db.dataSource, workspace, 'agent');
    for (let i = 0; i < FREE_FAILURES_PER_CLIENT; i++) await wrongLogin(behindProxy, '127.0.0.31', '203.0.113.1', user.email).expect(401);
    await wrongLogin(behindProxy, '127.0.0.31', '203.0.113.1', user.email).expect(429);
    // Another client behind the same proxy still gets its own free tries.
    await wrongLogin(behindProxy, '127.0.0.31', '203.0.113.2', user.email).expect(401);
    expect(await throttleKeys(`pair:%|${user.email.toLowerCase()}`)).toEqual([
      `pair:203.0.113.1|${user.email.toLowerCase()}`,
      `pair:203.0.113.2|${user.email.toLowerCase()}`,
    ]);
  });

  it('without API_TRUST_PROXY, X-Forwarded-For is ignored: a client cannot choose its address to escape the throttle', async () => {
    const user = await makeLoginUser(db.dataSource, workspace, 'agent');
    for (let i = 0; i < FREE_FAILURES_PER_CLIENT; i++) await wrongLogin(direct, '127.0.0.32', `203.0.113.${10 + i}`, user.email).expect(401);
    await wrongLogin(direct, '127.0.0.32', '203.0.113.99', user.email).expect(429);
    const keys = await throttleKeys(`pair:%|${user.email.toLowerCase()}`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^pair:(::ffff:)?127\.0\.0\.32\|/);
  });

  it('counts the write limit and the webhook handshake limit on the same forwarded address', async () => {
    await fromAddress(behindProxy, '127.0.0.33').post('/api/auth/logout').set('X-Forwarded-For', '198.51.100.7');
    const [write] = await db.dataSource.query<Array<{ hits: number }>>(`SELECT hits FROM api_rate_limit WHERE key = 'ip:198.51.100.7'`);
    expect(write?.hits).toBe(1);

    const handshake = (forwardedFor: string) =>
      fromAddress(behindProxy, '127.0.0.33').get('/api/webhooks/x?crc_token=dGVzdHRva2Vu').set('X-Forwarded-For', forwardedFor);
    for (let i = 0; i < HANDSHAKE_LIMIT; i++) expect((await handshake('198.51.100.8')).status).not.toBe(429);
    await handshake('198.51.100.8').expect(429);
    expect((await handshake('198.51.100.9')).status).not.toBe(429);
  });
});
