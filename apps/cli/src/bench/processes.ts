import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { benchSettings, childProcessEnv } from '@resonance/config';
import { NODE_FLAGS } from '@resonance/runtime';

/** A worker or api process of the product, started from its built output (apps/<name>/dist/main.js). */
export interface ProductProcess {
  name: 'api' | 'worker';
  child: ChildProcess;
  /** Highest resident set size seen so far, MB (VmHWM of /proc/<pid>/status, else sampled VmRSS). */
  peakMb(): number;
  /** Resolves when the process logged that it is up ("worker started", "api listening"). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function productEntry(name: 'api' | 'worker'): string {
  return resolve(__dirname, '..', '..', '..', name, 'dist', 'main.js');
}

/**
 * Starts a product process as `resonance start` does (its V8 flags, then its entry file), with the
 * given environment on top of ours; its output is kept for failures.
 */
export function startProductProcess(name: 'api' | 'worker', env: Record<string, string>): ProductProcess {
  // BENCH_CPU_PROF_DIR=<dir>: each product process writes a V8 CPU profile there when it stops
  // (open it in Chrome DevTools or speedscope), to see where a scenario's time goes.
  const profileDir = benchSettings().cpuProfileDir;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir, name)}`] : [];
  const child = spawn(process.execPath, [...NODE_FLAGS[name], ...profile, productEntry(name)], {
    env: childProcessEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const marker = name === 'api' ? 'api listening' : 'worker started';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
    if (output.includes(marker)) markReady();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let sampledPeakKb = 0;
  const sample = () => {
    const status = readStatus(child.pid);
    if (status) sampledPeakKb = Math.max(sampledPeakKb, status.hwmKb, status.rssKb);
  };
  const timer = setInterval(sample, 100);
  timer.unref();
  child.once('exit', (code, signal) => {
    clearInterval(timer);
    if (!stopping) process.stderr.write(`bench: ${name} exited (${signal ?? code}); its last output:\n${output}\n`);
  });
  let stopping = false;
  return {
    name,
    child,
    ready,
    peakMb: () => {
      sample();
      return Math.round((sampledPeakKb / 1024) * 10) / 10;
    },
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((done) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

function readStatus(pid: number | undefined): { hwmKb: number; rssKb: number } | null {
  if (!pid) return null;
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { hwmKb: kb('VmHWM'), rssKb: kb('VmRSS') };
  } catch {
    return null;
  }
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls `probe` every `everyMs` until it returns a value; fails after `ms`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number, what: string, everyMs = 100): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`bench: timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
