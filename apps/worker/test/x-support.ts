import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { CredentialsCipher, type ChannelAccount } from '@resonance/db';
import { DEMO_ACCOUNTS, type RunningSim, type TruthItem } from '@resonance/sim';
import { makeChannel, makeWorkspace } from '@resonance/testing';
import { simJson } from './pipeline-support';

export const demoX = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;

/** The sim's demo X account connected as a channel, its credentials encrypted as the seed does. */
export async function connectDemoX(ds: DataSource, config: Config, credentials: Record<string, unknown> = demoX.credentials): Promise<ChannelAccount> {
  const workspace = await makeWorkspace(ds);
  return makeChannel(ds, workspace, {
    network: 'x',
    externalId: demoX.externalId,
    displayName: demoX.displayName,
    credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(credentials),
  });
}

export const xTruth = async (sim: RunningSim): Promise<TruthItem[]> => (await simJson<{ items: TruthItem[] }>(sim, '/_sim/truth?network=x&limit=100000')).items;

export const generateX = (sim: RunningSim, count: number) => simJson(sim, '/_sim/generate', { method: 'POST', body: { count, network: 'x' } });
export const xFault = (sim: RunningSim, body: Record<string, unknown>) => simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'x', ...body } });
export const clearXFaults = (sim: RunningSim) => simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'x' } });
