import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_INSTAGRAM_ACCOUNT, type RunningSim, type TruthItem } from '../src';
import { getJson, postJson, type JsonBody } from './support';

/** The recorded Instagram payloads (test/fixtures/instagram, copied from shared/fixtures/instagram; see SOURCES.md there). */
export const igFixture = (name: string): JsonBody => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'instagram', name), 'utf8'));

export const IG = DEMO_INSTAGRAM_ACCOUNT;

/** graph.instagram.com at the sim's Instagram origin, versioned, and the demo account's token appended. */
export function igGraph(sim: RunningSim): { url: (path: string, query?: string) => string } {
  return { url: (path, query = '') => `${sim.origins.instagram}/v24.0${path}?access_token=${IG.accessToken}${query ? `&${query}` : ''}` };
}

/** Generates `count` Instagram items and returns their truth. */
export async function generateInstagram(sim: RunningSim, count: number): Promise<TruthItem[]> {
  const res = await postJson(`${sim.url}/_sim/generate`, { count, network: 'instagram' });
  return res.body.items;
}

export const igGet = (sim: RunningSim, path: string, query = '') => getJson(igGraph(sim).url(path, query));

export function igPost(sim: RunningSim, path: string, body: Record<string, unknown>, query = ''): ReturnType<typeof getJson> {
  return getJson(igGraph(sim).url(path, query), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
