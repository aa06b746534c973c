import { execFileSync } from 'node:child_process';
import { readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';

/** The first lines of postmaster.pid: pid, data folder, start time, port. */
interface LockFile {
  pid: number;
  dataDir: string;
  port: number;
}

function readLockFile(dataDir: string): LockFile | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const [pid, dir, , port] = text.split('\n');
  return { pid: Number(pid), dataDir: dir ?? '', port: Number(port) };
}

/** Whether pid runs; a zombie (exited, not yet reaped by an init that may never reap it) does not. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(0) said it runs
  }
}

const sameFolder = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/**
 * What pid is to dataDir: on Linux a server of it has the executable `postgres` and the data
 * folder as working folder (the postmaster changes into it); elsewhere its command line says so.
 * "other" means the pid was reused by an unrelated process.
 */
function identify(pid: number, dataDir: string): 'server' | 'other' | 'unknown' {
  try {
    const exe = basename(readlinkSync(`/proc/${pid}/exe`));
    return exe === 'postgres' && sameFolder(readlinkSync(`/proc/${pid}/cwd`), dataDir) ? 'server' : 'other';
  } catch {
    // no /proc (macOS), or not ours to inspect
  }
  try {
    const command = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return /(^|\/)postgres\s/.test(command) && command.includes(dataDir) ? 'server' : 'other';
  } catch {
    return 'unknown';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** Whether 127.0.0.1:port can be bound now (false: some program listens there). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const probe = createServer();
    probe.once('error', () => answer(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => answer(true)));
  });
}

/**
 * Clears the way for the embedded server of dataDir on port. A server of this data folder left
 * running by a CLI that was killed (SIGKILL, OOM, a closed terminal) is stopped with PostgreSQL's
 * fast shutdown; a postmaster.pid whose process is gone (or is no PostgreSQL of this folder) is
 * removed; each with one log line. Another program on the port ends the start with one line.
 */
export async function clearLeftoverServer(dataDir: string, port: number, log: (line: string) => void): Promise<void> {
  const lock = readLockFile(dataDir);
  if (lock && Number.isInteger(lock.pid) && lock.pid > 0) {
    const found = isAlive(lock.pid) ? identify(lock.pid, dataDir) : 'gone';
    if (found === 'unknown') {
      throw new Error(
        `${dataDir} is locked by process ${lock.pid}, which may be a PostgreSQL still using it: stop that process, or set EMBEDDED_PG_DIR to another folder`,
      );
    }
    if (found === 'server') {
      process.kill(lock.pid, 'SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
      let stopped = await waitForExit(lock.pid, 30_000);
      if (!stopped) {
        process.kill(lock.pid, 'SIGQUIT'); // immediate shutdown; recovery runs on the next start
        stopped = await waitForExit(lock.pid, 5_000);
      }
      if (!stopped) {
        throw new Error(`a leftover embedded PostgreSQL (pid ${lock.pid}) of ${dataDir} does not stop: end it (kill ${lock.pid}) and start again`);
      }
      log(`stopped a leftover embedded PostgreSQL of ${dataDir} (pid ${lock.pid}, port ${lock.port}) that an earlier start did not shut down`);
    } else {
      rmSync(join(dataDir, 'postmaster.pid'), { force: true });
      log(`removed a stale postmaster.pid of ${dataDir} (pid ${lock.pid} is no PostgreSQL of that folder any more)`);
    }
  }
  if (!(await portIsFree(port))) {
    throw new Error(
      `port ${port} on 127.0.0.1 is taken by another program (not the embedded PostgreSQL of ${dataDir}): set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL`,
    );
  }
}
