import { Writable } from 'node:stream';
import type { Params } from 'nestjs-pino';
import pino from 'pino';

/**
 * An object that holds `secret` at a pino redaction path: `a.b["c-d"]` → {a: {b: {'c-d': secret}}};
 * a `*` level stands for any key (here: `anything`).
 */
export function objectAtRedactPath(path: string, secret: string): Record<string, unknown> {
  const keys = [...path.matchAll(/\["([^"]+)"\]|([^.[\]]+)/g)].map((m) => ((m[1] ?? m[2]) === '*' ? 'anything' : (m[1] ?? m[2])));
  return keys.reduceRight<Record<string, unknown>>((inner, key, i) => ({ [key]: i === keys.length - 1 ? secret : inner }), {});
}

/**
 * The line a process's logger writes for `entry`, redacted as that logger's options say (only the
 * `redact` option is applied: serializers that drop fields must not hide a missing redaction).
 */
export function loggedLine(params: Params, entry: object): string {
  const options = params.pinoHttp;
  if (!options || Array.isArray(options) || !('redact' in options)) throw new Error('the logger options have no pino redact setting');
  let line = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      line += chunk.toString();
      done();
    },
  });
  pino({ redact: options.redact }, sink).info(entry, 'probe');
  return line;
}

/** The redaction paths whose secret this logger would write out: [] when every one is redacted. */
export function leakedRedactPaths(params: Params, paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const secret = `secret-${path.length}-${Buffer.from(path).toString('hex').slice(0, 12)}`;
    const line = loggedLine(params, objectAtRedactPath(path, secret));
    return line.includes(secret) || !line.includes('[Redacted]');
  });
}
