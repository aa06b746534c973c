import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { CredentialsCipher, type ChannelAccount } from '@resonance/db';
import { DEMO_ACCOUNTS, DEMO_INSTAGRAM_ACCOUNT, type RunningSim, type TruthItem } from '@resonance/sim';
import { makeChannel, makeWorkspace } from '@resonance/testing';
import { simJson } from './pipeline-support';

export const demoInstagram = DEMO_ACCOUNTS.find((a) => a.network === 'instagram')!;

/** The demo Instagram professional account (Instagram Login) connected as a channel, as the seed does. */
export async function connectDemoInstagram(ds: DataSource, config: Config): Promise<ChannelAccount> {
  const workspace = await makeWorkspace(ds);
  return makeChannel(ds, workspace, {
    network: 'instagram',
    externalId: demoInstagram.externalId,
    displayName: demoInstagram.displayName,
    credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoInstagram.credentials),
  });
}

/**
 * The sim's ground truth for Instagram, with the inbox's thread key for mentions: a comment on
 * someone else's media (read through mentioned_comment/mentioned_media) lives in the thread
 * `mention:<media>:<top-level comment>`, because answering it needs both ids
 * (POST /{ig-user-id}/mentions) — the truth names only the top-level comment.
 */
export const instagramTruth = async (sim: RunningSim): Promise<TruthItem[]> => {
  const items = (await simJson<{ items: TruthItem[] }>(sim, '/_sim/truth?network=instagram&limit=100000')).items;
  const ownMedia = new Set(items.filter((t) => t.kind === 'post').map((t) => t.externalId));
  const comments = items.map((t) =>
    t.kind === 'comment' && t.postExternalId !== null && !ownMedia.has(t.postExternalId)
      ? { ...t, threadExternalId: `mention:${t.postExternalId}:${t.threadExternalId}` }
      : t,
  );
  return comments;
};

interface TaggedMedia {
  id: string;
  caption?: string;
  username: string;
  timestamp: string;
}

/**
 * Media of others that tag or name the account (GET /{ig-user-id}/tags): the inbox stores each as
 * a mention in its own thread `mention:<media>`. The sim's truth lists no such media (they are
 * neither the account's posts nor comments), so they are read from the sim's API itself.
 * Meta names the owner of someone else's media by `username` only (no id), so the inbox stores
 * such a mention without a contact: `author` is null here.
 */
export async function instagramTaggedMedia(sim: RunningSim): Promise<TruthItem[]> {
  const items: TruthItem[] = [];
  const account = DEMO_INSTAGRAM_ACCOUNT;
  let url: string | undefined =
    `${sim.url}/instagram/v24.0/${account.id}/tags?fields=id,caption,username,timestamp&limit=100&access_token=${account.accessToken}`;
  while (url) {
    const page = (await (await fetch(url)).json()) as { data: TaggedMedia[]; paging?: { next?: string } };
    for (const m of page.data) {
      items.push({
        network: 'instagram',
        kind: 'message',
        externalId: m.id,
        postExternalId: null,
        parentExternalId: null,
        threadExternalId: `mention:${m.id}`,
        author: null,
        fromAccount: false,
        text: m.caption ?? '',
        createdAt: new Date(m.timestamp).toISOString(),
        intent: null,
        language: null,
        source: 'generator',
      });
    }
    url = page.paging?.next;
  }
  return items;
}

export const instagramFault = (sim: RunningSim, body: Record<string, unknown>) =>
  simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'instagram', ...body } });
export const clearInstagramFaults = (sim: RunningSim) => simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'instagram' } });
export const generateInstagram = (sim: RunningSim, count: number) => simJson(sim, '/_sim/generate', { method: 'POST', body: { count, network: 'instagram' } });
