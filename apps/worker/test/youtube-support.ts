import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { CredentialsCipher, type ChannelAccount } from '@resonance/db';
import { DEMO_ACCOUNTS, DEMO_YOUTUBE_CLIENT, type RunningSim, type TruthItem } from '@resonance/sim';
import { makeChannel, makeWorkspace } from '@resonance/testing';
import { simJson } from './pipeline-support';

export const demoYoutube = DEMO_ACCOUNTS.find((a) => a.network === 'youtube')!;

/** Config for YouTube tests against the sim: the sim's demo OAuth client (refresh needs it). */
export const youtubeTestEnv = (sim: RunningSim): Record<string, string> => ({
  SIM_URL: sim.url,
  YOUTUBE_CLIENT_ID: DEMO_YOUTUBE_CLIENT.clientId,
  YOUTUBE_CLIENT_SECRET: DEMO_YOUTUBE_CLIENT.clientSecret,
});

/** The demo YouTube channel connected as a channel, its credentials encrypted as the seed does. */
export async function connectDemoChannel(ds: DataSource, config: Config): Promise<ChannelAccount> {
  const workspace = await makeWorkspace(ds);
  return makeChannel(ds, workspace, {
    network: 'youtube',
    externalId: demoYoutube.externalId,
    displayName: demoYoutube.displayName,
    credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoYoutube.credentials),
  });
}

export const youtubeTruth = async (sim: RunningSim): Promise<TruthItem[]> =>
  (await simJson<{ items: TruthItem[] }>(sim, '/_sim/truth?network=youtube&limit=100000')).items;

export const youtubeFault = (sim: RunningSim, body: Record<string, unknown>) =>
  simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'youtube', ...body } });
export const clearYoutubeFaults = (sim: RunningSim) => simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'youtube' } });
export const quota = (sim: RunningSim, body?: { dailyUnits?: number; used?: number }) =>
  simJson<{ dailyUnits: number; used: number; resetsAt: string }>(sim, '/_sim/youtube/quota', body ? { method: 'POST', body } : undefined);
