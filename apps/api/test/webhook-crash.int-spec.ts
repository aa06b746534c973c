import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { cleanChildProcessEnv } from '@resonance/config';
import { DEMO_FACEBOOK_APP, facebookEscape } from '@resonance/sim';
import { createQueueBackend, prepareQueueBackend, QueueName, type IngestJob, type QueueBackend } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { freePort, waitFor } from '../../worker/test/faults/support';

const PAGE = '104857600777777';
const sign = (body: string) => `sha256=${createHmac('sha256', DEMO_FACEBOOK_APP.appSecret).update(Buffer.from(body, 'utf8')).digest('hex')}`;
const body = facebookEscape(
  JSON.stringify({
    object: 'page',
    entry: [
      {
        id: PAGE,
        time: 1_795_000_000,
        changes: [
          {
            field: 'feed',
            value: {
              item: 'comment',
              verb: 'add',
              comment_id: '1_991',
              post_id: `${PAGE}_1`,
              parent_id: `${PAGE}_1`,
              from: { id: '42', name: 'Jörg' },
              created_time: 1_795_000_000,
              message: 'Ist das noch da?',
            },
          },
        ],
      },
    ],
  }),
);

/**
 * A webhook delivery must not be lost to an api that dies while taking it (issue 29). The api
 * remembers a delivery (replay protection) only after its jobs are queued; here it is killed
 * (SIGKILL, test seam TEST_CRASH_AFTER_COMMIT=webhook) between the two, as Facebook's retry then
 * arrives at a fresh api: the retry is queued, not answered as a replay, and queues no second job.
 */
describe('a webhook delivery taken by an api that dies before answering', () => {
  let db: TestDatabase;
  let backend: QueueBackend;
  let api: ChildProcess | undefined;
  let apiUrl: string;
  let port: number;
  let channelId: string;
  const config = testConfig({ DEMO_MODE: 'true' });

  beforeAll(async () => {
    db = await createTestDatabase();
    backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    const workspace = await makeWorkspace(db.dataSource);
    channelId = (await makeChannel(db.dataSource, workspace, { network: 'facebook', externalId: PAGE })).id;
    port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
  }, 60_000);

  afterAll(async () => {
    api?.kill('SIGKILL');
    await db?.drop();
  });

  const startApi = async (crashAfter?: 'webhook') => {
    api = spawn(process.execPath, [join(__dirname, 'security', 'child', 'run-app.cjs'), 'api'], {
      env: cleanChildProcessEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DEMO_MODE: 'true',
        DATABASE_URL: db.url,
        REDIS_URL: config.REDIS_URL,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        ...(crashAfter ? { TEST_CRASH_AFTER_COMMIT: crashAfter } : {}),
      }),
      stdio: 'ignore',
    });
    await waitFor(async () => ((await fetch(`${apiUrl}/api/health`).catch(() => undefined))?.ok ? true : undefined), 60_000, 'the api child to answer');
  };

  const deliver = () =>
    fetch(`${apiUrl}/api/webhooks/facebook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body });

  const ingestJobs = async () => {
    const queue = new backend.Queue<IngestJob>(QueueName.Ingest, { connection: backend.connection as never, prefix: backend.prefix });
    try {
      return (await queue.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed'])).filter((job) => job.data.channelAccountId === channelId);
    } finally {
      await queue.close();
    }
  };

  it("queues Facebook's retry of the delivery once, and remembers it only then", async () => {
    await startApi('webhook');
    const child = api!;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    expect(
      await deliver().then(
        (r) => `answered ${r.status}`,
        () => 'no answer',
      ),
    ).toBe('no answer');
    expect(await exited).toBe('SIGKILL');

    // The network saw no answer and retries the same bytes, now at an api that stays up.
    await startApi();
    const retry = await deliver();
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ channels: 1, records: 1, hints: 0 });
    const jobs = await ingestJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data.records).toEqual([expect.objectContaining({ externalId: '1_991', text: 'Ist das noch da?' })]);

    // Remembered now: a further replay queues nothing.
    expect(await (await deliver()).json()).toEqual({ channels: 0, records: 0, hints: 0, duplicate: true });
    expect(await ingestJobs()).toHaveLength(1);
  }, 150_000);
});
