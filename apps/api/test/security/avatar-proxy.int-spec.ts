import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { ChannelAccount } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { AVATAR_FETCH_TIMEOUT_MS } from '../../src/avatars/avatar-fetch';
import { login, makeLoginUser, type Session } from '../support';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const OVERSIZE = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 1)]);

/** A loopback HTTP server that records the paths asked of it. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

/**
 * Issue 20, item 14: avatars reach agents' browsers only through the api. The api fetches the URL
 * stored for a contact of the caller's workspace — never a URL from the request, never a host
 * other than the networks' image hosts (here: the sim's origin, a loopback server standing in for
 * it) — within a time and size bound, and serves only real PNG, JPEG, GIF or WebP images.
 */
describe('avatar proxy', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let agent: Session;
  let sim: Awaited<ReturnType<typeof serve>>;
  let outside: Awaited<ReturnType<typeof serve>>;
  const contacts: Record<string, string> = {};

  beforeAll(async () => {
    outside = await serve((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG));
    sim = await serve((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/avatars/ok.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      if (path === '/avatars/page') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>');
      if (path === '/avatars/disguised.png') return res.writeHead(200, { 'content-type': 'image/png' }).end('<svg onload="alert(1)"></svg>');
      if (path === '/avatars/vector.svg') return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
      if (path === '/avatars/large.png') return res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(OVERSIZE.length) }).end(OVERSIZE);
      if (path === '/avatars/large-chunked.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        for (let i = 0; i < OVERSIZE.length; i += 65_536) res.write(OVERSIZE.subarray(i, i + 65_536));
        return res.end();
      }
      if (path === '/avatars/elsewhere.png') return res.writeHead(302, { location: `${outside.origin}/inside.png` }).end();
      if (path === '/avatars/hanging.png') return res.writeHead(200, { 'content-type': 'image/png' }).write(PNG.subarray(0, 8)); // never ends
      res.writeHead(404).end();
    });
    db = await createTestDatabase();
    const config = testConfig({ SIM_URL: sim.origin });
    await prepareQueueBackend(createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX }));
    app = await createApi(config, db.url);
    await app.init();
    const ws = await makeWorkspace(db.dataSource);
    const channel = await makeChannel(db.dataSource, ws);
    const otherWs = await makeWorkspace(db.dataSource);
    const otherChannel = await makeChannel(db.dataSource, otherWs);
    const add = async (name: string, avatarUrl: string | null, on: ChannelAccount = channel) => {
      const [row] = await db.dataSource.query(
        `INSERT INTO contact (workspace_id, channel_account_id, external_id, name, avatar_url) VALUES ($1, $2, $3, $3, $4) RETURNING id::text`,
        [on.workspaceId, on.id, name, avatarUrl],
      );
      contacts[name] = row.id;
    };
    await add('ok', `${sim.origin}/avatars/ok.png`);
    await add('page', `${sim.origin}/avatars/page`);
    await add('disguised', `${sim.origin}/avatars/disguised.png`);
    await add('vector', `${sim.origin}/avatars/vector.svg`);
    await add('large', `${sim.origin}/avatars/large.png`);
    await add('largeChunked', `${sim.origin}/avatars/large-chunked.png`);
    await add('redirected', `${sim.origin}/avatars/elsewhere.png`);
    await add('hanging', `${sim.origin}/avatars/hanging.png`);
    await add('outside', `${outside.origin}/direct.png`);
    await add('none', null);
    await add('notAUrl', 'javascript:alert(1)');
    await add('otherWorkspace', `${sim.origin}/avatars/ok.png?of=other-workspace`, otherChannel);
    agent = await login(app, (await makeLoginUser(db.dataSource, ws, 'agent')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    sim?.server.closeAllConnections();
    outside?.server.closeAllConnections();
    await new Promise((r) => sim?.server.close(r));
    await new Promise((r) => outside?.server.close(r));
  });

  const avatar = (name: string, query = '') => agent.agent.get(`/api/contacts/${contacts[name]}/avatar${query}`);

  it("serves the contact's picture from the network with its type, cached privately, and fetches it once", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await avatar('ok').expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
      expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
    }
    expect(sim.hits.filter((h) => h.startsWith('/avatars/ok.png'))).toEqual(['/avatars/ok.png']);
  });

  it('never fetches a URL the request names, nor one outside the network image hosts, nor through a redirect', async () => {
    const res = await avatar('ok', `?url=${encodeURIComponent(`${outside.origin}/chosen.png`)}`).expect(200);
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
    expect((await avatar('outside')).status).toBe(404);
    expect((await avatar('notAUrl')).status).toBe(404);
    const redirected = await avatar('redirected');
    expect(redirected.status).toBe(502);
    expect(redirected.body.message).toMatch(/not on a network's image host/);
    expect(outside.hits).toEqual([]);
  });

  it("answers 404 for another workspace's contact and for a contact without avatar, without fetching anything", async () => {
    expect((await avatar('otherWorkspace')).status).toBe(404);
    expect((await avatar('none')).status).toBe(404);
    expect((await agent.agent.get('/api/contacts/999999999/avatar')).status).toBe(404);
    expect((await agent.agent.get('/api/contacts/abc/avatar')).status).toBe(400);
    expect((await request(app.getHttpServer()).get(`/api/contacts/${contacts.ok}/avatar`)).status).toBe(401);
    expect(sim.hits.filter((h) => h.includes('other-workspace'))).toEqual([]);
  });

  it('refuses what is not a PNG, JPEG, GIF or WebP image — by declared type and by content — with 502', async () => {
    for (const name of ['page', 'disguised', 'vector']) {
      const res = await avatar(name);
      expect({ name, status: res.status, type: res.headers['content-type'] }).toEqual({ name, status: 502, type: expect.stringMatching(/^application\/json/) });
    }
  });

  it('refuses images over 1 MB, announced or not', async () => {
    for (const name of ['large', 'largeChunked']) {
      const res = await avatar(name);
      expect({ name, status: res.status, message: res.body.message }).toEqual({
        name,
        status: 502,
        message: expect.stringMatching(/larger than 1048576 bytes/),
      });
    }
  });

  it('gives up on an image host that does not finish in time, and remembers the failure for a while', async () => {
    const t0 = Date.now();
    const res = await avatar('hanging');
    expect(res.status).toBe(502);
    expect(Date.now() - t0).toBeLessThan(AVATAR_FETCH_TIMEOUT_MS + 2_000);
    expect((await avatar('hanging')).status).toBe(502);
    expect(sim.hits.filter((h) => h === '/avatars/hanging.png')).toHaveLength(1);
  }, 20_000);

  it('lets the dashboard load images from its own origin and data: only (no https: anywhere)', async () => {
    const csp = (await request(app.getHttpServer()).get('/api/health')).headers['content-security-policy'];
    expect(csp).toMatch(/(^|; )img-src 'self' data:(;|$)/);
    expect(csp).not.toMatch(/https:/);
  });
});
