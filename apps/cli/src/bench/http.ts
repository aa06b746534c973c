import { Agent, request } from 'node:http';

/** A browser's HTTP/1.1 connections to one origin (6), less the one its EventSource keeps open. */
export const BROWSER_CONNECTIONS = 5;

/**
 * A signed-in client of the API over keep-alive connections to 127.0.0.1: one by default, or as
 * many as a browser holds to one origin beside its event stream (BROWSER_CONNECTIONS).
 */
export class ApiClient {
  private readonly agent: Agent;
  /** Requests sent, and the time (ms) they waited in this client for the connection before going out. */
  requests = 0;
  socketWaitMs = 0;
  /** GETs sent again because the idle keep-alive connection they went out on had been closed by the api. */
  staleRetries = 0;
  private cookie = '';
  private csrfToken = '';

  constructor(
    readonly baseUrl: string,
    connections = 1,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  async login(email: string, password: string): Promise<void> {
    const res = await this.send('POST', '/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`bench: login failed (${res.status}): ${res.body.slice(0, 200)}`);
    this.cookie = res.setCookie.map((c) => c.split(';')[0]).join('; ');
    const session = JSON.parse(res.body) as { csrfToken?: unknown };
    this.csrfToken = typeof session.csrfToken === 'string' ? session.csrfToken : '';
  }

  /** The session cookie header of the signed-in client (for a stream opened beside it). */
  get cookieHeader(): string {
    return this.cookie;
  }

  /** POST with the session's CSRF token; returns the status (the caller decides which are fine). */
  async post(path: string, body: unknown): Promise<number> {
    return (await this.send('POST', path, body)).status;
  }

  /** GET that must answer 200; returns the parsed body. */
  async get<T = unknown>(path: string): Promise<T> {
    const res = await this.send('GET', path);
    if (res.status !== 200) throw new Error(`bench: GET ${path} answered ${res.status}: ${res.body.slice(0, 200)}`);
    return JSON.parse(res.body) as T;
  }

  close(): void {
    this.agent.destroy();
  }

  /**
   * One request; a GET that went out on a reused keep-alive connection the api closed meanwhile
   * (its idle timeout, 5 s, is within an agent's think time) is sent once more on a fresh one, as
   * browsers do for idempotent requests. Without it such a race counted as an agent error.
   */
  private async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: string; setCookie: string[] }> {
    try {
      return await this.sendOnce(method, path, body);
    } catch (error) {
      if (method !== 'GET' || !(error instanceof StaleConnectionError)) throw error instanceof StaleConnectionError ? error.original : error;
      this.staleRetries += 1;
      return this.sendOnce(method, path, body);
    }
  }

  private sendOnce(method: string, path: string, body?: unknown): Promise<{ status: number; body: string; setCookie: string[] }> {
    const url = new URL(path, this.baseUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          timeout: 120_000,
          headers: {
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              setCookie: ([] as string[]).concat(res.headers['set-cookie'] ?? []),
            }),
          );
          res.on('error', reject);
        },
      );
      const queuedAt = performance.now();
      this.requests += 1;
      req.once('socket', () => (this.socketWaitMs += performance.now() - queuedAt));
      req.on('timeout', () => req.destroy(new Error(`bench: ${method} ${path} timed out`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up');
        reject(stale ? new StaleConnectionError(error) : error);
      });
      if (payload) req.write(payload);
      req.end();
    });
  }
}

/** A request that failed because its reused keep-alive connection had been closed by the server. */
class StaleConnectionError extends Error {
  constructor(readonly original: Error) {
    super(original.message);
  }
}
