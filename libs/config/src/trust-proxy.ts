import { isIP } from 'node:net';

/**
 * Which proxies in front of the api may name the client's address in X-Forwarded-For, in the form
 * Express's `trust proxy` setting takes: `false` (the socket's address, the default), a hop count,
 * or a list of addresses, CIDR ranges and the names `loopback`, `linklocal`, `uniquelocal`.
 */
export type TrustProxy = false | number | string[];

const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const OFF = new Set(['off', 'false', '0', 'no']);
/** More hops than any real chain of proxies; a larger count is a typo. */
const MAX_HOPS = 10;

/** One entry of the list: a range name, an address, or an address with a prefix length. */
function trustEntryProblem(entry: string): string | undefined {
  if (RANGE_NAMES.has(entry)) return undefined;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return `"${entry}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal`;
  if (prefix === undefined) return undefined;
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) return `"${entry}" has a prefix length outside 0-${bits}`;
  return undefined;
}

/**
 * Parses API_TRUST_PROXY. `true` (trust every hop) is refused: X-Forwarded-For would then be
 * whatever the client writes, and every per-address limit could be dodged by changing it.
 */
export function parseTrustProxy(value: string | undefined): { value: TrustProxy } | { problem: string } {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || OFF.has(text)) return { value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= MAX_HOPS ? { value: hops } : { problem: `must be at most ${MAX_HOPS} proxy hops` };
  }
  if (text === 'true' || text === 'yes' || text === 'on') {
    return {
      problem: 'must not trust every proxy (a client could choose its own address): give the number of proxies in front of the api, or their addresses',
    };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const problem = entry === '' ? 'has an empty entry in its comma list' : trustEntryProblem(entry);
    if (problem) return { problem: `${problem} (expected off, a hop count, or a comma list of addresses, CIDR ranges, loopback, linklocal, uniquelocal)` };
  }
  return { value: entries };
}
