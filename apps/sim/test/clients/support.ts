import { request, type Agent } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { RunningSim } from '../../src';
import { getJson, postJson, testSim } from '../support';

export { getJson, postJson };

/**
 * A sim whose networks answer at their own origins over https from an in-memory CA (official
 * clients that insist on https get it; `agent` trusts the CA as NODE_EXTRA_CA_CERTS would in a
 * process of its own), or over plain http.
 */
export async function clientSim(tls: boolean): Promise<RunningSim> {
  return testSim({ SIM_TLS: tls });
}

/** The `location` a browser would be sent to by a GET (the consent pages redirect at once). */
export function redirectOf(url: string, agent?: Agent): Promise<{ status: number; location: string | null }> {
  const u = new URL(url);
  const send = u.protocol === 'https:' ? request : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(u, { method: 'GET', ...(agent ? { agent } : {}) }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What the network recorded as received (replies, DMs) since the sim started. */
export async function received(
  sim: RunningSim,
  network: string,
): Promise<Array<{ kind: string; path: string; targetId: string; externalId: string; text: string }>> {
  return (await getJson(`${sim.url}/_sim/received?network=${network}`)).body.items;
}
