import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { MessageRecord, PostRecord } from '@resonance/contracts';
import { createApi } from '@resonance/api';
import { seedDemo } from '@resonance/cli';
import { viteBuildSettings, type Config } from '@resonance/config';
import { ChannelAccount, Workspace } from '@resonance/db';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';

const WEB_DIR = resolve(__dirname, '../..');

// The dashboard's inputs: its own files (not its tests, not a build) and the wire contracts it
// bundles from source; the lock file stands for the versions of Vite, React and the rest.
const BUILD_INPUTS = [WEB_DIR, resolve(WEB_DIR, '../../libs/contracts/src'), resolve(WEB_DIR, '../../package-lock.json')];
const NOT_INPUTS = new Set(['node_modules', 'dist', 'test']);
// A build of other sources (an older checkout, another branch) is removed once unused this long.
const STALE_BUILD_MS = 24 * 60 * 60 * 1000;

/** A digest of everything that goes into the bundle (file paths and contents, VITE_ variables). */
function buildInputsDigest(): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!NOT_INPUTS.has(entry)) add(join(path, entry));
    } else {
      hash.update(`${relative(WEB_DIR, path)}\n`).update(readFileSync(path));
    }
  };
  for (const input of BUILD_INPUTS) add(input);
  for (const [name, value] of viteBuildSettings()) hash.update(`${name}=${value}\n`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The dashboard built from its current sources with the same Vite config as
 * `npm run build -w apps/web`, into a private folder of the temporary directory. Each browser test
 * file used to build it anew (a Vite build: 10–20 s on a busy 2-core machine, two dozen files);
 * now the first file builds it and the others serve that build, for as long as no input changes
 * (buildInputsDigest: another input, another folder). Built under a temporary name and renamed when
 * complete, so no file ever serves half a build; two files that build at once keep the first.
 * Nobody writes into a build: the API only serves it.
 */
export function buildWeb(): string {
  const builds = tmpdir();
  const outDir = join(builds, `resonance-web-build-${buildInputsDigest()}`);
  if (existsSync(join(outDir, 'index.html'))) {
    utimesSync(outDir, new Date(), new Date()); // in use: see the clean-up below
    return outDir;
  }
  const vite = [join(WEB_DIR, 'node_modules/vite/bin/vite.js'), resolve(WEB_DIR, '../../node_modules/vite/bin/vite.js')].find((p) => existsSync(p));
  if (!vite) throw new Error('vite is not installed: run npm install');
  const building = mkdtempSync(`${outDir}-building-`);
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', building, '--emptyOutDir', '--logLevel', 'warn'], { cwd: WEB_DIR, encoding: 'utf8' });
  if (result.status !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  }
  try {
    renameSync(building, outDir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another file finished the same build first
  }
  // Builds of other inputs nobody has used for a day (each use touches its folder).
  for (const entry of readdirSync(builds)) {
    const other = join(builds, entry);
    const stat = entry.startsWith('resonance-web-build-') && other !== outDir ? statSync(other, { throwIfNoEntry: false }) : undefined;
    if (stat && Date.now() - stat.mtimeMs > STALE_BUILD_MS) rmSync(other, { recursive: true, force: true });
  }
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
    },
  };
}
