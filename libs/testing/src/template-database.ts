import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createDataSource, MIGRATIONS, runMigrations, withDatabase } from '@resonance/db';

// Every test file gets its own database. Migrating each one took about 5 s on a busy 2-core machine
// (over a hundred files: minutes of `npm test`); copying a migrated database takes about half a
// second. So the migrated schema is built once per server and set of migrations, as a template
// database, and each test database is a copy of it (CREATE DATABASE … TEMPLATE).

const PREFIX = 'resonance_template_';
// Serializes the building of templates across Jest workers, worktrees and runs on one server.
const BUILD_LOCK = 0x7465_6d70; // 'temp'
// A template of other migrations (another branch, an older run) is dropped once it is this old:
// a run that still copies it would have started more than a day ago.
const STALE_MS = 24 * 60 * 60 * 1000;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What the migrations are: their names and, in a source checkout, the text of every file of the
 * migrations folder (a migration's SQL may sit in a constant outside its class). Any edit gives
 * another template, so a test never runs on a schema its migrations no longer make.
 */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const migration of MIGRATIONS) hash.update(`${migration.name}\n`);
  // libs/testing/src or libs/testing/dist → libs/db/src/migrations
  const folder = resolve(__dirname, '../../db/src/migrations');
  if (existsSync(folder)) {
    for (const file of readdirSync(folder).sort()) hash.update(`${file}\n`).update(readFileSync(join(folder, file)));
  } else {
    for (const migration of MIGRATIONS) hash.update(migration.toString()); // the class's source: up and down
  }
  return hash.digest('hex').slice(0, 16);
}

let fingerprint: string | undefined;
const built = new Map<string, Promise<string>>();

/**
 * The name of the migrated template database on the server of `serverUrl`, built when missing.
 * The template is built under another name and renamed when complete, so a build that dies
 * half-way never becomes a template; nothing connects to a finished template (ALLOW_CONNECTIONS
 * false), which is what lets any number of copies be made of it at the same time.
 */
export function migratedTemplate(serverUrl: string): Promise<string> {
  fingerprint ??= migrationsFingerprint();
  const key = `${withDatabase(serverUrl, 'postgres')} ${fingerprint}`;
  let name = built.get(key);
  if (!name) {
    name = buildTemplate(serverUrl, `${PREFIX}${fingerprint}`);
    built.set(key, name);
    name.catch(() => built.delete(key));
  }
  return name;
}

async function buildTemplate(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres'), application_name: 'resonance-test-template' });
  await admin.connect();
  try {
    const exists = async () => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (await exists()) return name;
    await admin.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK]);
    try {
      if (await exists()) return name;
      await dropLeftovers(admin, name);
      const building = `${name}_b${randomBytes(3).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${quoteIdent(building)}`);
      const dataSource = await createDataSource({ url: withDatabase(serverUrl, building), poolSize: 1 }).initialize();
      try {
        await runMigrations(dataSource);
      } finally {
        await dataSource.destroy();
      }
      await admin.query(`COMMENT ON DATABASE ${quoteIdent(building)} IS ${literal(`resonance test template, built ${new Date().toISOString()}`)}`);
      await admin.query(`ALTER DATABASE ${quoteIdent(building)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      await admin.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]);
    }
  } finally {
    await admin.end();
  }
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Under the build lock: half-built templates of dead runs, and templates of other migrations older than a day. */
async function dropLeftovers(admin: Client, current: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string; comment: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
    [`${PREFIX}%`, current],
  );
  for (const { datname, comment } of rows) {
    const builtAt = Date.parse(/built (\S+)$/.exec(comment ?? '')?.[1] ?? '');
    const halfBuilt = /_b[0-9a-f]{6}$/.test(datname); // its builder died: builders hold the lock
    if (!halfBuilt && !(Date.now() - builtAt > STALE_MS)) continue;
    try {
      await admin.query(`ALTER DATABASE ${quoteIdent(datname)} WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    } catch {
      // Still being copied by a run that started long ago: it goes with the next build.
    }
  }
}

/** Creates the database of `url` as a copy of `template` on the same server. */
export async function copyDatabase(template: string, url: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
  } finally {
    await admin.end();
  }
}
