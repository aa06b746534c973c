import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { childProcessEnv } from '@resonance/config';
import type { GeneratorOptions, SimConfig } from '@resonance/sim';
import { withTimeout } from './run';

/** The sim in a process of its own: its shared origin, its pid (for its CPU) and a stop. */
export interface SimProcess {
  url: string;
  pid: number;
  /**
   * Puts exactly `comments` comments (with the posts and replies the generator makes on the way)
   * on the sim's Facebook page, generated in the sim's process by the generator `useGenerator` set.
   * Messages over the IPC channel keep their order, so a later feed lands after an earlier one.
   */
  feed(comments: number, now: number): void;
  useGenerator(options: GeneratorOptions): void;
  close(): Promise<void>;
}

/** What a parent sends the sim process (sim-child.ts). */
export interface SimFeedMessage {
  generator?: GeneratorOptions;
  feed?: { comments: number; now: number };
}

/** The compiled child entry (from src/bench under ts-jest and from dist/bench alike). */
export const SIM_CHILD_ENTRY = resolve(__dirname, '..', '..', 'dist', 'bench', 'sim-child.js');

/**
 * Starts the sim in a child process, as the networks are elsewhere in production: the product's
 * calls and the sim's answers then no longer share the benchmark's event loop and its core (the
 * fleet scenario's sim serves several requests per sync run, thousands a minute).
 */
export async function startSimProcess(config: SimConfig): Promise<SimProcess> {
  const child = fork(SIM_CHILD_ENTRY, [], {
    env: childProcessEnv({ BENCH_SIM_CONFIG: JSON.stringify(config) }),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2_000)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const started = new Promise<string>((done, fail) => {
    child.once('message', (m: { url?: string }) => (m.url ? done(m.url) : fail(new Error('bench: the sim process sent no url'))));
    child.once('exit', (code) => fail(new Error(`bench: the sim process exited (${code}) before it listened: ${output}`)));
  });
  try {
    const url = await withTimeout(started, 60_000, 'the sim process to listen');
    return {
      url,
      pid: child.pid ?? 0,
      feed: (comments, now) => {
        if (comments > 0) child.send({ feed: { comments, now } } satisfies SimFeedMessage);
      },
      useGenerator: (options) => child.send({ generator: options } satisfies SimFeedMessage),
      close: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
