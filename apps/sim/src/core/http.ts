import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** One request as the network modules see it: path below the network prefix, parsed query and body. */
export interface SimRequest {
  method: string;
  /** Path below the network's prefix, e.g. `/v24.0/123/comments`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** JSON or form body as an object; empty when there is none or it does not parse. */
  body: Record<string, unknown>;
  /** True when a body was sent but could not be parsed. */
  badBody: boolean;
  /** Scheme and host the client used, e.g. `http://127.0.0.1:4000`: paging links point back here. */
  origin: string;
  /**
   * Where the network is mounted below `origin`: '' at the network's own origin, `/facebook` (etc.)
   * on the sim's shared origin. A URL the network hands out is `${origin}${mount}${path}`.
   */
  mount: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless `raw` is given. */
  body?: unknown;
  raw?: { contentType: string; data: string | Buffer };
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SimResponse => ({ status, body, headers });

/** A form-encoded answer (OAuth 1.0a token endpoints answer so). */
export const form = (status: number, values: Record<string, string>): SimResponse => ({
  status,
  raw: { contentType: 'application/x-www-form-urlencoded', data: new URLSearchParams(values).toString() },
});

export const redirect = (location: string): SimResponse => ({ status: 302, headers: { location }, raw: { contentType: 'text/plain', data: '' } });

const MAX_BODY = 5 * 1024 * 1024;

/** Reads one request; `scheme` is the server's (https when the sim serves TLS). */
export async function readRequest(req: IncomingMessage, scheme: 'http' | 'https' = 'http'): Promise<SimRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) break;
    chunks.push(chunk as Buffer);
  }
  const rawBody = Buffer.concat(chunks);
  const host = req.headers.host ?? '127.0.0.1';
  const url = new URL(req.url ?? '/', `${scheme}://${host}`);
  const { body, badBody } = parseBody(rawBody, req.headers['content-type'] ?? '');
  let path = url.pathname;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    // Keep the raw path: the module answers it with its own "not found".
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    body,
    badBody,
    origin: `${scheme}://${host}`,
    mount: '',
  };
}

function parseBody(raw: Buffer, contentType: string): { body: Record<string, unknown>; badBody: boolean } {
  if (raw.length === 0) return { body: {}, badBody: false };
  const text = raw.toString('utf8');
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(text)), badBody: false };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { body: parsed as Record<string, unknown>, badBody: false };
    return { body: {}, badBody: true };
  } catch {
    // Some clients send form bodies without a content type.
    if (/^[\w.%-]+=/.test(text)) return { body: Object.fromEntries(new URLSearchParams(text)), badBody: false };
    return { body: {}, badBody: true };
  }
}

export function writeResponse(res: ServerResponse, response: SimResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let data: string | Buffer;
  if (response.raw) {
    data = response.raw.data;
    headers['content-type'] ??= response.raw.contentType;
  } else {
    data = JSON.stringify(response.body ?? null);
    headers['content-type'] ??= 'application/json; charset=UTF-8';
  }
  headers['content-length'] = String(Buffer.byteLength(data));
  res.writeHead(response.status, headers);
  res.end(data);
}

/**
 * An array parameter as clients send it: repeated keys (`part=snippet&part=replies`, how Google's
 * client sends arrays), a comma list (`part=snippet,replies`), or both. Null when absent.
 */
export function listParam(query: URLSearchParams, name: string): string[] | null {
  const values = query.getAll(name);
  if (values.length === 0) return null;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** An array parameter whose items may hold commas themselves (Graph `fields`): repeated keys joined by a comma. */
export function joinedParam(query: URLSearchParams, name: string): string | null {
  const values = query.getAll(name);
  return values.length === 0 ? null : values.join(',');
}
