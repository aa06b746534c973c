import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { childProcessEnv } from '@resonance/config';
import type { RouteSpec } from './catalogue';
import type { TargetReady } from './fuzz-target';

/** One request as the fuzzer sends it (also how a regression is written down). */
export interface FuzzRequest {
  caller: 'admin' | 'agent' | 'analyst' | 'anonymous';
  method: RouteSpec['method'];
  /** Path with its query string, already encoded. */
  url: string;
  body?: { contentType: string | null; text: string };
}

export interface Outcome {
  status: number;
  ms: number;
  /** The body (for an event stream: what arrived in the first moments), the Location header appended. */
  text: string;
  timedOut: boolean;
  /** The api process was gone or died answering. */
  died: boolean;
}

export interface Credentials {
  cookie: string;
  csrf: string;
}

const STREAM_READ_MS = 1_000;

/**
 * The api in a child process (child/fuzz-target.cjs) and an HTTP client for it with a hard timeout
 * per request. A request that blocks the api's event loop cannot stall the test: it times out, and
 * the stuck process is replaced by a fresh one.
 */
export class FuzzTarget {
  private child!: ChildProcess;
  private log: string[] = [];
  /** Chunks of the log no longer kept (log positions count from the first). */
  private dropped = 0;
  port = 0;
  routes: RouteSpec[] = [];
  served: TargetReady['served'] = [];
  restarts = 0;

  constructor(
    private readonly env: Record<string, string>,
    readonly timeoutMs: number,
  ) {}

  async start(): Promise<void> {
    const child = fork(join(__dirname, '..', 'child', 'fuzz-target.cjs'), [], { env: childProcessEnv(this.env), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.log.push(chunk.toString('utf8'));
      if (this.log.length > 200) this.dropped += this.log.splice(0, this.log.length - 200).length;
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const ready = await new Promise<TargetReady>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the api did not start within 90 s: ${this.logTail()}`)), 90_000);
      child.once('message', (m) => {
        clearTimeout(timer);
        resolve(m as TargetReady);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the api exited with ${code} while starting: ${this.logTail()}`));
      });
    });
    this.port = ready.port;
    this.routes = ready.routes;
    this.served = ready.served;
  }

  async restart(): Promise<void> {
    await this.stop();
    this.restarts++;
    await this.start();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child?.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The position in the api's log now, for logSince. */
  logMark(): number {
    return this.dropped + this.log.length;
  }

  /** What the api logged since `mark` (its errors: LOG_LEVEL error). */
  logSince(mark: number): string {
    return this.log.slice(Math.max(0, mark - this.dropped)).join('');
  }

  logTail(lines = 20): string {
    return this.log.join('').split('\n').slice(-lines).join('\n');
  }

  /** Sends one request; never throws for the api's sake (a timeout or a dead process is an Outcome). */
  async send(req: FuzzRequest, credentials: Credentials | null, stream = false): Promise<Outcome> {
    const started = performance.now();
    const headers: Record<string, string> = {};
    if (credentials) {
      headers.cookie = credentials.cookie;
      headers['x-csrf-token'] = credentials.csrf;
    }
    if (req.body?.contentType) headers['content-type'] = req.body.contentType;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    try {
      const res = await fetch(`http://127.0.0.1:${this.port}${req.url}`, {
        method: req.method,
        headers,
        body: req.body?.text,
        redirect: 'manual',
        signal: abort.signal,
      });
      const text = stream && res.headers.get('content-type')?.startsWith('text/event-stream') ? await firstEvents(res, abort) : await res.text();
      return { status: res.status, ms: performance.now() - started, text: `${text}\n${res.headers.get('location') ?? ''}`, timedOut: false, died: false };
    } catch (error) {
      const ms = performance.now() - started;
      if (abort.signal.aborted) return { status: 0, ms, text: '', timedOut: true, died: !this.alive };
      // Connection refused or reset: the process is gone (a crash or an exhausted heap), or it
      // dropped this connection without an answer; either fails the request.
      await new Promise((r) => setTimeout(r, 100));
      return { status: 0, ms, text: `no answer: ${String((error as Error).cause ?? error)}`, timedOut: false, died: !this.alive };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Signs in through the api. */
  async login(email: string, password: string): Promise<Credentials> {
    const res = await fetch(`http://127.0.0.1:${this.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
      signal: AbortSignal.timeout(this.timeoutMs * 2),
    });
    if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string };
    return {
      cookie: res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      csrf: body.csrfToken,
    };
  }
}

/** An event stream never ends: what arrives within STREAM_READ_MS (the first event comes at once). */
async function firstEvents(res: Response, abort: AbortController): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = setTimeout(() => abort.abort(), STREAM_READ_MS);
  try {
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // the deadline ended the read
  } finally {
    clearTimeout(deadline);
    abort.abort();
  }
  return text;
}
