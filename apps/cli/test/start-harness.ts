import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanChildProcessEnv } from '@resonance/config';

// `resonance start` as a person runs it: the built CLI in a child process, on free ports.
export const BIN = resolve(__dirname, '..', '..', '..', 'bin', 'resonance.cjs');

export const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

export interface Health {
  status: string;
  details: { database: { status: string }; queue: { status: string; backend: string } };
}

export interface StartedCli {
  child: ChildProcess;
  apiPort: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Free ports for the sim's networks' own origins (SIM_FACEBOOK_PORT, ...), so instances never share one. */
export async function simNetworkPorts(): Promise<Record<string, string>> {
  const names = ['SIM_FACEBOOK_PORT', 'SIM_X_PORT', 'SIM_LINKEDIN_PORT', 'SIM_YOUTUBE_PORT', 'SIM_XING_PORT', 'SIM_INSTAGRAM_PORT'];
  const ports: Record<string, string> = {};
  for (const name of names) ports[name] = String(await freePort());
  return ports;
}

/**
 * Ports of api and sim for one product instance, as environment variables, and the sim's world
 * state file: outside the checkout, so a test neither continues nor overwrites a developer's demo
 * world in .data/ (a restart of the same instance continues its own).
 */
export async function productPorts(): Promise<Record<string, string>> {
  const apiPort = await freePort();
  const simPort = await freePort();
  return {
    API_PORT: String(apiPort),
    SIM_PORT: String(simPort),
    SIM_URL: `http://127.0.0.1:${simPort}`,
    ...(await simNetworkPorts()),
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    SIM_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/api/webhooks`,
    SIM_STATE_FILE: join(tmpdir(), `resonance-test-sim-world-${simPort}-${process.pid}.json`),
  };
}

/** Spawns `resonance start` (bin defaults to this checkout's) with a clean environment plus env. */
export function spawnStart(env: Record<string, string>, options: { bin?: string; cwd?: string } = {}): StartedCli {
  const child = spawn(process.execPath, [options.bin ?? BIN, 'start'], {
    cwd: options.cwd,
    env: cleanChildProcessEnv({ LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, apiPort: Number(env.API_PORT), output: () => output, exited };
}

/** The health of the api this start spawned (not of one an earlier, killed start left behind). */
export async function waitForHealth(cli: StartedCli, ms = 90_000): Promise<Health> {
  const url = `http://127.0.0.1:${cli.apiPort}/api/health`;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (cli.child.exitCode !== null) throw new Error(`resonance start exited early (${cli.child.exitCode}):\n${cli.output()}`);
    if (cli.output().includes('Resonance is starting at')) {
      try {
        const res = await fetch(url);
        if (res.ok) return (await res.json()) as Health;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no healthy answer from ${url} in ${ms} ms:\n${cli.output()}`);
}

/** Ctrl-C, then the exit code. */
export async function interrupt(cli: StartedCli): Promise<number | null> {
  if (cli.child.exitCode !== null) return cli.child.exitCode;
  cli.child.kill('SIGINT');
  return cli.exited;
}

/** Starts, waits for a healthy api, stops with Ctrl-C. */
export async function startAndCheck(env: Record<string, string>): Promise<{ health: Health; exitCode: number | null; output: string }> {
  const cli = spawnStart({ ...(await productPorts()), ...env });
  try {
    const health = await waitForHealth(cli);
    const exitCode = await interrupt(cli);
    return { health, exitCode, output: cli.output() };
  } finally {
    if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
  }
}
