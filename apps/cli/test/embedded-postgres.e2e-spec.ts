import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './start-harness';

// The built CLI's own starter, in a child process: the platform package is ESM that Jest's module
// runtime cannot load in-process, and the e2e tier runs on the build anyway.
const DIST = resolve(__dirname, '..', 'dist', 'embedded-postgres.js');
const PROBE = `
const { loadConfig } = require('@resonance/config');
const { Client } = require('pg');
const { startEmbeddedPostgres } = require(process.env.DIST);
(async () => {
  const server = await startEmbeddedPostgres(loadConfig({ NODE_ENV: 'test', EMBEDDED_PG_DIR: process.env.PG_DIR, EMBEDDED_PG_PORT: process.env.PG_PORT }), () => undefined);
  const url = new URL(server.url);
  url.pathname = '/postgres'; // the CLI creates its own database after this
  const client = new Client({ connectionString: url.toString() });
  try {
    await client.connect();
    const { rows } = await client.query("SELECT current_setting('server_encoding') AS encoding, length('Größe 😀') AS length, left('Größe', 3) AS head, upper('größe') AS upper");
    process.stdout.write(JSON.stringify(rows[0]));
  } finally {
    await client.end().catch(() => undefined);
    await server.stop();
  }
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('the embedded PostgreSQL cluster', () => {
  it('stores text as UTF-8 whatever the locale of the environment, so text functions count characters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonance-embedded-utf8-'));
    chmodSync(dir, 0o755); // the server runs as the postgres user when the tests run as root
    try {
      const probe = spawnSync(process.execPath, ['-e', PROBE], {
        cwd: resolve(__dirname, '..'),
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DIST, PG_DIR: join(dir, 'pg'), PG_PORT: String(await freePort()) },
        encoding: 'utf8',
        timeout: 90_000,
      });
      expect(probe.stderr).toBe('');
      // An environment without LANG (as here and in most containers) had given SQL_ASCII, where left() cut 'ö' in half.
      expect(JSON.parse(probe.stdout)).toEqual({ encoding: 'UTF8', length: 7, head: 'Grö', upper: 'GRÖßE' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
