import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { CredentialsCipher, type ChannelAccount } from '@resonance/db';
import { DEMO_ACCOUNTS, type RunningSim, type TruthItem } from '@resonance/sim';
import { makeChannel, makeWorkspace } from '@resonance/testing';
import { simJson, type StoredMessage } from './pipeline-support';

export const demoLinkedIn = DEMO_ACCOUNTS.find((a) => a.network === 'linkedin')!;

/** The demo LinkedIn page connected as a channel, its credentials encrypted as the seed does. */
export async function connectDemoLinkedIn(
  ds: DataSource,
  config: Config,
  credentials: Record<string, string> = demoLinkedIn.credentials,
): Promise<ChannelAccount> {
  const workspace = await makeWorkspace(ds);
  return makeChannel(ds, workspace, {
    network: 'linkedin',
    externalId: demoLinkedIn.externalId,
    displayName: demoLinkedIn.displayName,
    credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(credentials),
  });
}

export const linkedinTruth = async (sim: RunningSim): Promise<TruthItem[]> =>
  (await simJson<{ items: TruthItem[] }>(sim, '/_sim/truth?network=linkedin&limit=100000')).items;

/**
 * The database against the sim's LinkedIn ground truth: every comment exactly once, in its
 * top-level comment's thread, with the right author (none for members who hide their profile) and
 * the exact time (LinkedIn times are milliseconds). Returns the problems found.
 */
export function compareLinkedIn(truth: TruthItem[], stored: StoredMessage[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, StoredMessage[]>();
  for (const m of stored) byId.set(m.external_id, [...(byId.get(m.external_id) ?? []), m]);
  const items = truth.filter((t) => t.kind === 'comment');
  for (const t of items) {
    const found = byId.get(t.externalId) ?? [];
    if (found.length !== 1) {
      problems.push(`${t.externalId}: stored ${found.length} times`);
      continue;
    }
    const m = found[0];
    if (m.thread_key !== t.threadExternalId) problems.push(`${t.externalId}: thread ${m.thread_key}, expected ${t.threadExternalId}`);
    // A reply sent from Resonance keeps its own row: written when the agent sent it, its parent is the thread.
    if (m.delivery === 'sent') continue;
    if ((m.parent_external_id ?? null) !== t.parentExternalId) problems.push(`${t.externalId}: parent ${m.parent_external_id}, expected ${t.parentExternalId}`);
    if (m.is_from_account !== t.fromAccount) problems.push(`${t.externalId}: from account ${m.is_from_account}, expected ${t.fromAccount}`);
    if (!t.fromAccount && (m.author_external_id !== (t.author?.externalId ?? null) || m.author_name !== (t.author?.name ?? null))) {
      problems.push(`${t.externalId}: author ${m.author_external_id}/${m.author_name}, expected ${t.author?.externalId ?? null}/${t.author?.name ?? null}`);
    }
    if (m.created_at.toISOString() !== t.createdAt) problems.push(`${t.externalId}: created ${m.created_at.toISOString()}, expected ${t.createdAt}`);
    if (m.text !== t.text) problems.push(`${t.externalId}: text differs`);
  }
  const known = new Set(items.map((t) => t.externalId));
  for (const m of stored) if (m.external_id && !known.has(m.external_id)) problems.push(`${m.external_id}: stored but not on the network`);
  return problems;
}
