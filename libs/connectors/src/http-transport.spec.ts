import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { nodeTransport } from './http-transport';
import { HttpClient } from './http';
import { ConnectorError } from './errors';

describe('nodeTransport', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ method: string; url: string; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, body });
        if (req.url === '/gzip') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(gzipSync(JSON.stringify({ packed: 'grüße 😀' })));
        } else if (req.url === '/moved') {
          res.writeHead(307, { location: '/echo?from=moved' });
          res.end();
        } else if (req.url === '/see-other') {
          res.writeHead(303, { location: '/echo' });
          res.end();
        } else if (req.url === '/slow') {
          setTimeout(() => res.end('{}'), 2_000);
        } else {
          res.writeHead(200, [
            ['content-type', 'application/json'],
            ['x-app-usage', '{"call_count":7}'],
            ['set-cookie', 'a=1'],
            ['set-cookie', 'b=2'],
          ]);
          res.end(JSON.stringify({ method: req.method, body, accept: req.headers['accept-encoding'] }));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('returns status, headers (repeated ones kept) and the body as text', async () => {
    const res = await nodeTransport(new URL(`${base}/echo`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"ü"}',
      timeoutMs: 1_000,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-app-usage')).toBe('{"call_count":7}');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(JSON.parse(res.text)).toEqual({ method: 'POST', body: '{"a":"ü"}', accept: 'gzip, deflate, br' });
  });

  it('decodes a gzip body', async () => {
    const res = await nodeTransport(new URL(`${base}/gzip`), { method: 'GET', headers: {}, timeoutMs: 1_000 });
    expect(JSON.parse(res.text)).toEqual({ packed: 'grüße 😀' });
  });

  it('follows redirects like fetch (307 keeps the method and body, 303 continues as GET)', async () => {
    seen.length = 0;
    const kept = await nodeTransport(new URL(`${base}/moved`), { method: 'POST', headers: {}, body: 'x=1', timeoutMs: 1_000 });
    expect(JSON.parse(kept.text)).toMatchObject({ method: 'POST', body: 'x=1' });
    const asGet = await nodeTransport(new URL(`${base}/see-other`), { method: 'POST', headers: {}, body: 'x=1', timeoutMs: 1_000 });
    expect(JSON.parse(asGet.text)).toMatchObject({ method: 'GET', body: '' });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /moved', 'POST /echo?from=moved', 'POST /see-other', 'GET /echo']);
  });

  it('fails a call that outlasts its timeout as a TimeoutError, which HttpClient reports as TRANSIENT', async () => {
    await expect(nodeTransport(new URL(`${base}/slow`), { method: 'GET', headers: {}, timeoutMs: 100 })).rejects.toMatchObject({ name: 'TimeoutError' });
    const client = new HttpClient({
      network: 'facebook',
      parseError: () => new ConnectorError({ network: 'facebook', code: 'UNKNOWN', message: 'x' }),
      timeoutMs: 100,
    });
    const error = await client.request({ url: `${base}/slow` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'TRANSIENT', message: 'GET /slow timed out' });
  });

  it('reports a refused connection as an error', async () => {
    await expect(nodeTransport(new URL('http://127.0.0.1:1/'), { method: 'GET', headers: {}, timeoutMs: 1_000 })).rejects.toThrow(/ECONNREFUSED/);
  });
});
