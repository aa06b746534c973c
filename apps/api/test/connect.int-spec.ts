import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Config } from '@resonance/config';
import { ERROR_CODES, type Credentials } from '@resonance/connectors';
import { CredentialsCipher, type Workspace } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend, QueueName, type QueueBackend, type SyncJob } from '@resonance/queue';
import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, startSim, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, waitFor, type Session } from './support';

const PUBLIC_URL = 'http://resonance.test:8080';

/**
 * The dashboard's connect flow against the sim's Facebook Login: the real connector, the real
 * dialog and token endpoints, the API with a real database and queue. The browser's part (follow
 * the redirects, carry the cookie) is played by supertest agents and fetch.
 */
describe('connect flow (POST /api/channels/connect/:network → network → GET /api/oauth/callback/:network → picker)', () => {
  let sim: RunningSim;
  let db: TestDatabase;
  let app: INestApplication;
  let config: Config;
  let backend: QueueBackend;
  let workspace: Workspace;
  let admin: Session;
  let adminEmail: string;
  /** What the page already had before it was connected: the first sync must backfill it. */
  let history: TruthItem[];
  let connectedChannelId: string;
  /** Everything the API answered during the tests: tokens must appear in none of it. */
  const seen: string[] = [];

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 7, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    history = sim.traffic.generate(12, 'facebook');
    db = await createTestDatabase();
    config = testConfig({ DEMO_MODE: 'true', SIM_URL: sim.url, PUBLIC_URL });
    backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    app = await createApi(config, db.url);
    await app.init();
    workspace = await makeWorkspace(db.dataSource);
    adminEmail = (await makeLoginUser(db.dataSource, workspace, 'admin')).email;
    admin = await login(app, adminEmail);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await sim?.close();
  });

  const record = (res: request.Response) => {
    seen.push(JSON.stringify(res.body ?? {}), res.headers.location ?? '', JSON.stringify(res.headers));
    return res;
  };

  /** Start as this session; the sim's dialog approves at once and sends the browser back. */
  async function authorize(s: Session, body: Record<string, unknown> = {}) {
    const start = record(await s.agent.post('/api/channels/connect/facebook').set('x-csrf-token', s.csrf).send(body).expect(200));
    const authorizationUrl = new URL(start.body.authorizationUrl as string);
    const dialog = await fetch(authorizationUrl, { redirect: 'manual' });
    expect(dialog.status).toBe(302);
    const back = new URL(dialog.headers.get('location') as string);
    return { authorizationUrl, back, state: back.searchParams.get('state') as string, callback: `${back.pathname}${back.search}` };
  }

  /** The callback as the browser of this session calls it; the dashboard URL it redirects to. */
  async function callback(s: Session, path: string): Promise<URL> {
    const res = record(await s.agent.get(path).expect(302));
    expect(res.headers['cache-control']).toBe('no-store');
    return new URL(res.headers.location);
  }

  const cipher = () => new CredentialsCipher(config.ENCRYPTION_KEY);

  it('connects the Facebook page end to end: consent, page picker, channel connected with encrypted page token, audit, backfill queued', async () => {
    const { authorizationUrl, back, state, callback: path } = await authorize(admin);
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(`${sim.url}/facebook/${config.FACEBOOK_GRAPH_VERSION}/dialog/oauth`);
    expect(authorizationUrl.searchParams.get('client_id')).toBe(DEMO_FACEBOOK_APP.appId);
    expect(authorizationUrl.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/oauth/callback/facebook`);
    expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/oauth/callback/facebook`);
    expect(state).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    // Server-side: the state's hash (not the state), the PKCE verifier encrypted, both bound to the session.
    const [started] = await db.dataSource.query<Array<{ state_hash: string; code_verifier_encrypted: string; session_id: string; status: string }>>(
      `SELECT state_hash, code_verifier_encrypted, session_id, status FROM oauth_connect WHERE id = $1`,
      [state.split('.')[0]],
    );
    expect(started.status).toBe('authorizing');
    expect(started.state_hash).not.toContain(state.split('.')[1]);
    const verifier = cipher().decrypt<string>(started.code_verifier_encrypted);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorizationUrl.toString()).not.toContain(verifier);

    const done = await callback(admin, path);
    expect(done.origin + done.pathname).toBe(`${PUBLIC_URL}/channels`);
    const pendingId = done.searchParams.get('connect') as string;
    expect(pendingId).toMatch(/^[0-9a-f-]{36}$/);
    expect([...done.searchParams.keys()]).toEqual(['connect']);

    const pending = record(await admin.agent.get(`/api/channels/connect/pending/${pendingId}`).expect(200));
    expect(pending.body).toMatchObject({ id: pendingId, network: 'facebook', reconnectChannelId: null });
    expect(pending.body.accounts).toEqual([
      { externalId: DEMO_FACEBOOK_PAGE.id, displayName: DEMO_FACEBOOK_PAGE.name, handle: null, channelId: null, channelStatus: null },
    ]);

    const connected = record(
      await admin.agent
        .post(`/api/channels/connect/pending/${pendingId}`)
        .set('x-csrf-token', admin.csrf)
        .send({ externalIds: [DEMO_FACEBOOK_PAGE.id] })
        .expect(201),
    );
    expect(connected.body.channels).toHaveLength(1);
    const channel = connected.body.channels[0];
    expect(channel).toMatchObject({ network: 'facebook', externalId: DEMO_FACEBOOK_PAGE.id, displayName: DEMO_FACEBOOK_PAGE.name, status: 'connected' });
    expect(channel.credentialsExpireAt).not.toBeNull();
    connectedChannelId = channel.id;

    // The stored credentials are encrypted, and the page token in them is one the sim accepts.
    const [row] = await db.dataSource.query<
      Array<{
        credentials_encrypted: string;
      }>
    >(`SELECT credentials_encrypted FROM channel_account WHERE id = $1`, [channel.id]);
    expect(row.credentials_encrypted).toMatch(/^v1\./);
    const credentials = cipher().decrypt<Credentials>(row.credentials_encrypted);
    expect(credentials).toMatchObject({ pageId: DEMO_FACEBOOK_PAGE.id });
    const page = await fetch(`${sim.url}/facebook/${config.FACEBOOK_GRAPH_VERSION}/${DEMO_FACEBOOK_PAGE.id}?fields=id,name`, {
      headers: { authorization: `Bearer ${credentials.accessToken}` },
    });
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ id: DEMO_FACEBOOK_PAGE.id });

    // The list every role reads shows it; no token in it either.
    const list = record(await admin.agent.get('/api/channels').expect(200));
    expect(list.body.map((c: { id: string }) => c.id)).toContain(channel.id);

    const audit = await db.dataSource.query(`SELECT action, data FROM audit_event WHERE target_id = $1::text`, [channel.id]);
    expect(audit).toEqual([expect.objectContaining({ action: 'channel.connect', data: expect.objectContaining({ externalId: DEMO_FACEBOOK_PAGE.id }) })]);

    const sync = new backend.Queue<SyncJob>(QueueName.Sync, { connection: backend.connection as never, prefix: backend.prefix });
    try {
      const jobs = await sync.getJobs(['waiting', 'active', 'completed', 'delayed', 'prioritized']);
      expect(jobs.filter((j) => j.data.channelAccountId === channel.id).map((j) => j.data.reason)).toEqual(['backfill']);
    } finally {
      await sync.close();
    }

    // The pick is single use; the pending flow holds no credentials any more.
    await admin.agent
      .post(`/api/channels/connect/pending/${pendingId}`)
      .set('x-csrf-token', admin.csrf)
      .send({ externalIds: [DEMO_FACEBOOK_PAGE.id] })
      .expect(404);
    await admin.agent.get(`/api/channels/connect/pending/${pendingId}`).expect(404);
    const [flow] = await db.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT status, credentials_encrypted, code_verifier_encrypted FROM oauth_connect WHERE id = $1`,
      [pendingId],
    );
    expect(flow).toEqual({ status: 'done', credentials_encrypted: null, code_verifier_encrypted: null });

    // No token the flow handled is in any response, header or redirect.
    const secrets = [credentials.accessToken, credentials.userAccessToken as string].filter(Boolean);
    expect(secrets.length).toBe(2);
    for (const secret of secrets) for (const text of seen) expect(text).not.toContain(secret);
  });

  it("the queued first sync backfills the page's existing comments and messages into the inbox (worker in-process)", async () => {
    const inbound = history.filter((t) => t.kind !== 'post' && !t.fromAccount).map((t) => t.externalId);
    expect(inbound.length).toBeGreaterThan(0);
    const worker = await startWorker(config, db.url);
    try {
      const stored = await waitFor(async () => {
        const rows = await db.dataSource.query<Array<{ external_id: string }>>(
          `SELECT external_id FROM message WHERE channel_account_id = $1 AND external_id = ANY($2::text[])`,
          [connectedChannelId, inbound],
        );
        return rows.length === inbound.length ? rows : undefined;
      }, 20_000);
      expect(stored).toHaveLength(inbound.length);
      // The run finished (cursors saved, last sync stamped) and the channel stayed healthy.
      const synced = await waitFor(async () => {
        const [row] = await db.dataSource.query<
          Array<{
            last_synced_at: Date | null;
            status: string;
          }>
        >(`SELECT last_synced_at, status FROM channel_account WHERE id = $1`, [connectedChannelId]);
        return row?.last_synced_at ? row : undefined;
      }, 10_000);
      expect(synced.status).toBe('connected');
    } finally {
      await worker.close();
    }
  }, 30_000);

  it('refuses a state used a second time', async () => {
    const { callback: path } = await authorize(admin);
    expect((await callback(admin, path)).searchParams.get('connect')).toBeTruthy();
    const again = await callback(admin, path);
    expect(again.searchParams.get('connect_error')).toBe('state_used');
    expect(again.searchParams.get('connect')).toBeNull();
  });

  it("refuses the state in another session (even the same admin's), without spending it", async () => {
    const { callback: path } = await authorize(admin);
    const other = await login(app, adminEmail);
    expect((await callback(other, path)).searchParams.get('connect_error')).toBe('other_session');
    // Not signed in at all: the same.
    const anonymous = new URL(record(await request(app.getHttpServer()).get(path).expect(302)).headers.location);
    expect(anonymous.searchParams.get('connect_error')).toBe('other_session');
    // The session that started it still can.
    expect((await callback(admin, path)).searchParams.get('connect')).toBeTruthy();
  });

  it('refuses an expired state', async () => {
    const { state, callback: path } = await authorize(admin);
    await db.dataSource.query(`UPDATE oauth_connect SET expires_at = now() - interval '1 second' WHERE id = $1`, [state.split('.')[0]]);
    expect((await callback(admin, path)).searchParams.get('connect_error')).toBe('state_expired');
  });

  it('refuses a forged or tampered state, and a state issued for another network', async () => {
    const { state, back } = await authorize(admin);
    const [id, secret] = state.split('.');
    const flipped = `${id}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    const code = back.searchParams.get('code') as string;
    for (const bad of [flipped, `${id}.`, 'nonsense', `00000000-0000-4000-8000-000000000000.${secret}`]) {
      const url = await callback(admin, `/api/oauth/callback/facebook?code=${encodeURIComponent(code)}&state=${encodeURIComponent(bad)}`);
      expect(url.searchParams.get('connect_error')).toBe('invalid_state');
    }
    expect((await callback(admin, `/api/oauth/callback/facebook?code=${code}`)).searchParams.get('connect_error')).toBe('invalid_state');
    expect((await callback(admin, `/api/oauth/callback/x?code=${code}&state=${state}`)).searchParams.get('connect_error')).toBe('invalid_state');
    // None of those spent the real state.
    expect((await callback(admin, `/api/oauth/callback/facebook?code=${code}&state=${state}`)).searchParams.get('connect')).toBeTruthy();
  });

  it('ends a denied consent (error=access_denied) on the dashboard with that code, and spends the state', async () => {
    const { state } = await authorize(admin);
    const path = `/api/oauth/callback/facebook?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=${state}#_=_`;
    const url = await callback(admin, path);
    expect(url.pathname).toBe('/channels');
    expect(url.searchParams.get('connect_error')).toBe('access_denied');
    expect((await callback(admin, path)).searchParams.get('connect_error')).toBe('state_used');
  });

  it("maps a failed code exchange through the connector's error codes", async () => {
    const { state } = await authorize(admin);
    const url = await callback(admin, `/api/oauth/callback/facebook?code=not-a-code-the-sim-issued&state=${state}`);
    expect(url.searchParams.get('connect_error')).toBe('network_error');
    expect(ERROR_CODES).toContain(url.searchParams.get('code'));
    expect(url.search).not.toMatch(/OAuthException|stack|Error:/);
  });

  it('reconnects a channel that needs re-authorisation: same channel, new credentials, connected again', async () => {
    // The page's channel (connected by the first test, or made here) with a revoked token.
    const [stale] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO channel_account (workspace_id, network, external_id, display_name, status, consecutive_auth_failures, last_error, credentials_encrypted)
       VALUES ($1, 'facebook', $2, 'Renamed by the admin', 'needs_reauth', 3, 'token revoked', $3)
       ON CONFLICT (workspace_id, network, external_id) DO UPDATE
         SET status = 'needs_reauth', consecutive_auth_failures = 3, last_error = 'token revoked', credentials_encrypted = EXCLUDED.credentials_encrypted
       RETURNING id`,
      [workspace.id, DEMO_FACEBOOK_PAGE.id, cipher().encrypt({ accessToken: 'revoked-token' })],
    );
    const { callback: path } = await authorize(admin, { channelId: stale.id });
    const pendingId = (await callback(admin, path)).searchParams.get('connect') as string;
    const pending = await admin.agent.get(`/api/channels/connect/pending/${pendingId}`).expect(200);
    expect(pending.body.reconnectChannelId).toBe(stale.id);
    expect(pending.body.accounts[0]).toMatchObject({ externalId: DEMO_FACEBOOK_PAGE.id, channelId: stale.id, channelStatus: 'needs_reauth' });

    // Another session of the same admin cannot see or finish it.
    const other = await login(app, adminEmail);
    await other.agent.get(`/api/channels/connect/pending/${pendingId}`).expect(404);
    await other.agent
      .post(`/api/channels/connect/pending/${pendingId}`)
      .set('x-csrf-token', other.csrf)
      .send({ externalIds: [DEMO_FACEBOOK_PAGE.id] })
      .expect(404);
    // Only offered accounts can be picked.
    await admin.agent
      .post(`/api/channels/connect/pending/${pendingId}`)
      .set('x-csrf-token', admin.csrf)
      .send({ externalIds: ['someone-elses-page'] })
      .expect(400);

    const res = await admin.agent
      .post(`/api/channels/connect/pending/${pendingId}`)
      .set('x-csrf-token', admin.csrf)
      .send({ externalIds: [DEMO_FACEBOOK_PAGE.id] })
      .expect(201);
    expect(res.body.channels).toEqual([expect.objectContaining({ id: stale.id, status: 'connected', lastError: null })]);
    const [row] = await db.dataSource.query<
      Array<{
        consecutive_auth_failures: number;
        credentials_encrypted: string;
      }>
    >(`SELECT consecutive_auth_failures, credentials_encrypted FROM channel_account WHERE id = $1`, [stale.id]);
    expect(row.consecutive_auth_failures).toBe(0);
    expect(cipher().decrypt<Credentials>(row.credentials_encrypted).accessToken).not.toBe('revoked-token');
    const actions = await db.dataSource.query<
      Array<{
        action: string;
      }>
    >(`SELECT action FROM audit_event WHERE target_id = $1::text ORDER BY id`, [stale.id]);
    expect(actions.map((a) => a.action)).toContain('channel.reconnect');
  });

  // Every network has its connector now (X's connect flow: apps/api/test/x-connect.int-spec.ts).
  it('starts XING (OAuth 1.0a) in demo mode against the sim, and lets only admins with the CSRF token start', async () => {
    // XING: the sim's demo consumer gets a request token; without a partner consumer the start
    // answers 503 with the partner notice (apps/api/test/xing-connect.int-spec.ts checks both).
    const xing = record(await admin.agent.post('/api/channels/connect/xing').set('x-csrf-token', admin.csrf).send({}).expect(200));
    expect(new URL(xing.body.authorizationUrl as string).pathname).toBe('/xing/v1/authorize');
    const unknown = await admin.agent.post('/api/channels/connect/myspace').set('x-csrf-token', admin.csrf).send({}).expect(404);
    expect(unknown.body.message).toMatch(/unknown network/);
    await admin.agent.post('/api/channels/connect/facebook').send({}).expect(403);
    const agentUser = await makeLoginUser(db.dataSource, workspace, 'agent');
    const agent = await login(app, agentUser.email);
    await agent.agent.post('/api/channels/connect/facebook').set('x-csrf-token', agent.csrf).send({}).expect(403);
    await request(app.getHttpServer()).post('/api/channels/connect/facebook').send({}).expect(401);
  });
});
