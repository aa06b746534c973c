import { auth, youtube, type youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, DEMO_YOUTUBE_CLIENT, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson } from './support';

const transport = { fetchImplementation: fetch };

/**
 * A plain-http sim with `count` generated YouTube items and @googleapis/youtube pointed at it
 * (only rootUrl changed), authorized as the demo channel.
 */
export async function youtubeSim(count: number): Promise<{ sim: RunningSim; truth: TruthItem[]; yt: youtube_v3.Youtube }> {
  const sim = await clientSim(false);
  const truth: TruthItem[] = (await postJson(`${sim.url}/_sim/generate`, { count, network: 'youtube' })).body.items;
  const client = new auth.OAuth2({ clientId: DEMO_YOUTUBE_CLIENT.clientId, clientSecret: DEMO_YOUTUBE_CLIENT.clientSecret, transporterOptions: transport });
  client.setCredentials({ access_token: DEMO_YOUTUBE_CHANNEL.accessToken, expiry_date: Date.now() + 3_600_000 });
  return { sim, truth, yt: youtube({ version: 'v3', rootUrl: `${sim.origins.youtube}/`, auth: client, ...transport }) };
}

/** The reason of a Google API error the client threw. */
export const reason = (e: unknown): string =>
  (e as { response: { data: { error: { errors: Array<{ reason: string }> } } } }).response.data.error.errors[0].reason;
