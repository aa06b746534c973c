import type { Server } from 'node:http';

/**
 * How long an idle keep-alive connection stays open (Node's default is 5 s). A dashboard refetches
 * every 5 s while changes stream (LiveRefetchPolicy), so with 5 s each refetch found its browser's
 * connections just closed and opened new ones: 200 dashboards reconnecting at one live event
 * overflowed the listen queue (`nstat TcpExtListenOverflows`), and a dropped SYN is retried after
 * 1, 3, 7, 15, 31, 63 s — list requests of 40–120 s in bench --agents while the api answered them in
 * under 5 s. Longer than a browser's refetch spacing, shorter than its own idle limit (minutes).
 */
export const API_KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Sets the api server's keep-alive (and the headers timeout that must exceed it) on `server`. */
export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = API_KEEP_ALIVE_TIMEOUT_MS;
  // Must exceed the keep-alive timeout, or a request arriving late on an idle connection can be cut off.
  server.headersTimeout = API_KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
