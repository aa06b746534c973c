import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { CredentialsCipher, type ChannelAccount } from '@resonance/db';
import { DEMO_ACCOUNTS, startSim, type RunningSim, type TruthItem } from '@resonance/sim';
import { makeChannel, makeWorkspace } from '@resonance/testing';

export const demoFacebook = DEMO_ACCOUNTS.find((a) => a.network === 'facebook')!;

/** The sim on an ephemeral port, no live traffic (tests generate on demand). */
/** `webhookUrl` 'off' (the default) sends no webhooks. */
export function testSim(webhookUrl = 'off'): Promise<RunningSim> {
  return startSim({
    SIM_HOST: '127.0.0.1',
    SIM_PORT: 0,
    SIM_SEED: 11,
    SIM_TRAFFIC_PER_MINUTE: 0,
    SIM_WEBHOOK_URL: webhookUrl,
    SIM_WEBHOOK_RETRY_DELAYS_MS: '200,500,1000',
  });
}

/** The demo Facebook page connected as a channel, its credentials encrypted as the seed does. */
export async function connectDemoPage(ds: DataSource, config: Config): Promise<ChannelAccount> {
  const workspace = await makeWorkspace(ds);
  return makeChannel(ds, workspace, {
    network: 'facebook',
    externalId: demoFacebook.externalId,
    displayName: demoFacebook.displayName,
    credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoFacebook.credentials),
  });
}

export async function simJson<T = unknown>(sim: RunningSim, path: string, init?: { method: string; body?: unknown }): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, {
    method: init?.method ?? 'GET',
    headers: init?.body !== undefined ? { 'content-type': 'application/json' } : undefined,
    body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  return (await res.json()) as T;
}

export const truthOf = async (sim: RunningSim): Promise<TruthItem[]> =>
  (await simJson<{ items: TruthItem[] }>(sim, '/_sim/truth?network=facebook&limit=100000')).items;

export interface StoredMessage {
  external_id: string;
  thread_key: string;
  is_from_account: boolean;
  author_external_id: string | null;
  author_name: string | null;
  text: string;
  created_at: Date;
  parent_external_id: string | null;
  delivery: string | null;
}

export const storedMessages = async (ds: DataSource, channelId: string): Promise<StoredMessage[]> =>
  ds.query(
    `SELECT m.external_id, t.thread_key, m.is_from_account, c.external_id AS author_external_id, c.name AS author_name,
            m.text, m.created_at, m.parent_external_id, m.delivery
       FROM message m JOIN thread t ON t.id = m.thread_id LEFT JOIN contact c ON c.id = m.author_contact_id
      WHERE m.channel_account_id = $1`,
    [channelId],
  );

/**
 * Compares the database with the sim's ground truth: every comment and message exactly once, in
 * the right thread (comments: keyed by the top-level comment; messages: one thread per
 * conversation, nothing else in it), with the right author and time. Returns the problems found.
 */
export function compareWithTruth(truth: TruthItem[], stored: StoredMessage[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, StoredMessage[]>();
  for (const m of stored) byId.set(m.external_id, [...(byId.get(m.external_id) ?? []), m]);
  const items = truth.filter((t) => t.kind !== 'post');
  const conversationThread = new Map<string, string>();
  for (const t of items) {
    const found = byId.get(t.externalId) ?? [];
    if (found.length !== 1) {
      problems.push(`${t.kind} ${t.externalId}: stored ${found.length} times`);
      continue;
    }
    const m = found[0];
    if (t.kind === 'comment' && m.thread_key !== t.threadExternalId) problems.push(`${t.externalId}: thread ${m.thread_key}, expected ${t.threadExternalId}`);
    if (t.kind === 'message') {
      const known = conversationThread.get(t.threadExternalId!);
      if (known && known !== m.thread_key) problems.push(`${t.externalId}: conversation ${t.threadExternalId} split over threads ${known} and ${m.thread_key}`);
      conversationThread.set(t.threadExternalId!, m.thread_key);
    }
    if (m.is_from_account !== t.fromAccount) problems.push(`${t.externalId}: from account ${m.is_from_account}, expected ${t.fromAccount}`);
    if (!t.fromAccount && (m.author_external_id !== t.author?.externalId || m.author_name !== t.author?.name)) {
      problems.push(`${t.externalId}: author ${m.author_external_id}/${m.author_name}, expected ${t.author?.externalId}/${t.author?.name}`);
    }
    if (m.created_at.toISOString() !== new Date(t.createdAt).toISOString().replace(/\.\d{3}Z$/, '.000Z') && m.created_at.toISOString() !== t.createdAt) {
      problems.push(`${t.externalId}: created ${m.created_at.toISOString()}, expected ${t.createdAt}`);
    }
    if (m.text !== t.text) problems.push(`${t.externalId}: text differs`);
  }
  const threadsOfConversations = new Set(conversationThread.values());
  if (threadsOfConversations.size !== conversationThread.size) problems.push('two conversations share one thread');
  const known = new Set(items.map((t) => t.externalId));
  for (const m of stored)
    if (m.external_id && !known.has(m.external_id) && m.delivery !== 'sent') problems.push(`${m.external_id}: stored but not on the network`);
  return problems;
}
