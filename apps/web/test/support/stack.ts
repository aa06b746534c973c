import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { MessageRecord, PostRecord } from '@resonance/contracts';
import { createApi } from '@resonance/api';
import { seedDemo } from '@resonance/cli';
import type { Config } from '@resonance/config';
import { ChannelAccount, Workspace } from '@resonance/db';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';

const WEB_DIR = resolve(__dirname, '../..');

/**
 * Builds the dashboard from its current sources into a private folder (so parallel test files and
 * other builds never clash) with the same Vite config as `npm run build -w apps/web`.
 */
export function buildWeb(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'resonance-web-dist-'));
  const vite = [join(WEB_DIR, 'node_modules/vite/bin/vite.js'), resolve(WEB_DIR, '../../node_modules/vite/bin/vite.js')].find((p) => existsSync(p));
  if (!vite) throw new Error('vite is not installed: run npm install');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: WEB_DIR, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

export interface Stack {
  url: string;
  app: INestApplication;
  db: TestDatabase;
  config: Config;
  workspaceId: string;
  facebookChannelId: string;
  ingest(records: Array<MessageRecord | PostRecord>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real product for a browser: a throwaway PostgreSQL database with every migration, the demo
 * workspace (seedDemo: users, canned responses, the Facebook channel), the API in-process on a free
 * port serving the freshly built dashboard at /, and the machine's Redis for queues.
 */
/** A port nobody listens on right now (the API takes it at once; loopback only). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startStack(options: { config?: Record<string, string> } = {}): Promise<Stack> {
  const webDist = buildWeb();
  const db = await createTestDatabase();
  // OAuth redirects (to the callback, back to the dashboard) use PUBLIC_URL: the port is chosen first.
  const port = await freePort();
  const config = testConfig({ DEMO_MODE: 'true', WEB_DIST_DIR: webDist, PUBLIC_URL: `http://127.0.0.1:${port}`, ...options.config });
  await seedDemo(db.dataSource, config);
  const workspace = await db.dataSource.getRepository(Workspace).findOneByOrFail({ slug: 'demo' });
  const facebook = await db.dataSource.getRepository(ChannelAccount).findOneByOrFail({ workspaceId: workspace.id, network: 'facebook' });
  const app = await createApi(config, db.url);
  await app.listen(port, '127.0.0.1');
  const store = new IngestStore(db.dataSource);
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    config,
    workspaceId: workspace.id,
    facebookChannelId: facebook.id,
    // Conversations arrive the way the worker stores them: unified records through IngestStore.
    ingest: async (records) => {
      await store.ingest(facebook.id, records);
    },
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(webDist, { recursive: true, force: true });
    },
  };
}

let seq = 0;
/** A Facebook comment record as the connector produces it. */
export function fbComment(over: Partial<MessageRecord> & { threadKey: string; text: string; authorName: string }): MessageRecord {
  const { authorName, ...rest } = over;
  seq += 1;
  return {
    kind: 'message',
    network: 'facebook',
    externalId: `c-${over.threadKey}-${seq}`,
    channel: 'comment',
    postExternalId: 'page_post_1',
    author: { externalId: `fan-${authorName.replace(/\W/g, '')}`, name: authorName },
    createdAt: new Date(Date.now() - 3_600_000 + seq * 1000).toISOString(),
    ...rest,
  };
}

export interface EmptyStack {
  url: string;
  app: INestApplication;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * A production-like first run for a browser: demo mode off, every migration, no workspace and no
 * user — what a real installation looks like before its onboarding.
 */
export async function startEmptyStack(): Promise<EmptyStack> {
  const webDist = buildWeb();
  const db = await createTestDatabase();
  const port = await freePort();
  const config = testConfig({ DEMO_MODE: 'false', WEB_DIST_DIR: webDist, PUBLIC_URL: `http://127.0.0.1:${port}` });
  const app = await createApi(config, db.url);
  await app.listen(port, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(webDist, { recursive: true, force: true });
    },
  };
}
