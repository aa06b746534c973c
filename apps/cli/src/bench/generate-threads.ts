import type { QueryRunner } from 'typeorm';
import { NETWORKS, type Network } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import type { BulkPlan } from './bulk-plan';
import { insertBulkMessages, insertBulkThreads } from './generate.queries';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH_MESSAGES = 10_000;
const STATUSES_DONE = ['closed', 'closed', 'closed', 'pending'] as const;

interface ThreadRow {
  id: number;
  channel_account_id: string;
  network: Network;
  thread_key: string;
  channel: 'comment' | 'direct';
  contact_id: number;
  post_id: number | null;
  post_external_id: string | null;
  status: string;
  assignee_id: string | null;
  tags: string[];
  first_inbound_at: string;
  first_response_at: string | null;
  last_inbound_at: string;
  last_message_at: string;
  waiting_since: string | null;
  unread_count: number;
  message_count: number;
  last_message_preview: string;
}

interface MessageRow {
  c: string;
  t: number;
  e: string;
  o: boolean;
  p: string | null;
  a: number | null;
  x: string;
  at: string;
  i: string | null;
  s: number | null;
}

/**
 * Threads and their messages, batch by batch: thread 1 is the long thread (thread open reads it);
 * the rest have 1 + geometric(mean − 1) messages, customer first, the account answering about
 * two replies in five, spread from a start uniform over the period. Thread timers are computed
 * here from the same messages, as the ingest path would leave them.
 */
export async function writeThreadsAndMessages(
  plan: BulkPlan,
  runners: QueryRunner[],
  log: (line: string) => void,
): Promise<{ threads: number; messages: number; longThreadId: string; byNetwork: NetworkCounts }> {
  const { options, rng } = plan;
  const periodMs = options.days * DAY;
  const meanRest = Math.max(1, (options.messages - options.longThreadMessages) / Math.max(1, options.threads - 1));
  const pGeo = 1 / meanRest;
  let threads: ThreadRow[] = [];
  let messages: MessageRow[] = [];
  let totalMessages = 0;
  const byNetwork = Object.fromEntries(NETWORKS.map((n) => [n, { threads: 0, messages: 0 }])) as NetworkCounts;
  const pending: Array<Promise<unknown>> = [];
  let turn = 0;
  const flush = async () => {
    const batch = { threads, messages };
    threads = [];
    messages = [];
    const runner = runners[turn++ % runners.length];
    const job = writeBatch(runner, plan.world.workspaceId, batch.threads, batch.messages);
    pending.push(job);
    if (pending.length >= runners.length) await pending.shift();
  };
  for (let id = 1; id <= options.threads; id++) {
    const long = id === 1;
    const network: Network = long ? 'facebook' : plan.pickNetwork();
    const direct = !long && plan.hasDirect[network] && rng.chance(0.3);
    const count = long ? options.longThreadMessages : 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - Math.min(0.999, pGeo)));
    const span = long ? 30 * DAY : 0;
    let at = long ? plan.now - span : plan.now - Math.floor(rng.next() * (periodMs - HOUR)) - HOUR;
    const channelId = plan.world.channels[network];
    const contactIndex = plan.zipf.sample(rng);
    const contactId = plan.contactBase[network] + contactIndex + 1;
    const key = `bench-${network}-t${id}`;
    const post = direct ? null : postAt(plan, network, at);
    let firstInbound = 0;
    let firstResponse = 0;
    let lastInbound = 0;
    let lastResponse = 0;
    let waiting = 0;
    let unread = 0;
    let preview = '';
    for (let n = 0; n < count; n++) {
      const fromAccount = n > 0 && rng.chance(0.4);
      const text = fromAccount ? plan.pool.outbound[rng.int(plan.pool.outbound.length)] : plan.pool.inbound[rng.int(plan.pool.inbound.length)];
      messages.push({
        c: channelId,
        t: id,
        e: n === 0 ? key : `${key}-m${n}`,
        o: fromAccount,
        p: n === 0 || direct ? null : key,
        a: fromAccount ? null : contactId,
        x: text.text,
        at: new Date(at).toISOString(),
        i: text.intent,
        s: text.sentiment,
      });
      if (fromAccount) {
        lastResponse = at;
        if (!firstResponse) firstResponse = at;
        waiting = 0;
        unread = 0;
      } else {
        if (!firstInbound) firstInbound = at;
        lastInbound = at;
        if (!waiting) waiting = at;
        unread += 1;
      }
      preview = text.text;
      const next = at + (long ? Math.floor(span / count) : Math.max(1_000, Math.round(rng.exponential(3 * HOUR))));
      at = Math.min(next, plan.now - 1_000);
    }
    const lastAt = Math.max(lastInbound, lastResponse);
    const status = waiting ? (rng.chance(0.8) ? 'open' : 'pending') : STATUSES_DONE[rng.int(STATUSES_DONE.length)];
    const tags: string[] = [];
    if (rng.chance(0.1)) tags.push('vip');
    if (rng.chance(0.05)) tags.push('refund');
    threads.push({
      id,
      channel_account_id: channelId,
      network,
      thread_key: key,
      channel: direct ? 'direct' : 'comment',
      contact_id: contactId,
      post_id: post?.id ?? null,
      post_external_id: post?.externalId ?? null,
      status,
      assignee_id: rng.chance(0.5) ? plan.world.agentIds[rng.int(plan.world.agentIds.length)] : null,
      tags,
      first_inbound_at: new Date(firstInbound).toISOString(),
      first_response_at: firstResponse > firstInbound ? new Date(firstResponse).toISOString() : null,
      last_inbound_at: new Date(lastInbound).toISOString(),
      last_message_at: new Date(lastAt).toISOString(),
      waiting_since: waiting ? new Date(waiting).toISOString() : null,
      unread_count: waiting ? unread : 0,
      message_count: count,
      last_message_preview: preview.slice(0, 280),
    });
    totalMessages += count;
    byNetwork[network].threads += 1;
    byNetwork[network].messages += count;
    if (messages.length >= BATCH_MESSAGES) await flush();
    if (id % 100_000 === 0) log(`bulk: ${id} threads, ${totalMessages} messages`);
  }
  if (threads.length) await flush();
  await Promise.all(pending);
  return { threads: options.threads, messages: totalMessages, longThreadId: '1', byNetwork };
}

/** Threads and messages the bulk data set holds on each network (the JSON's scale.byNetwork). */
export type NetworkCounts = Record<Network, { threads: number; messages: number }>;

function postAt(plan: BulkPlan, network: Network, at: number): { id: number; externalId: string } {
  const { ids, times } = plan.posts[network];
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return { id: ids[lo], externalId: `bench-post-${network}-${ids[lo]}` };
}

async function writeBatch(runner: QueryRunner, workspaceId: string, threads: ThreadRow[], messages: MessageRow[]): Promise<void> {
  await insertBulkThreads.run({ workspaceId, threads: JSON.stringify(threads) }, sqlClient(runner.manager));
  await insertBulkMessages.run({ workspaceId, messages: JSON.stringify(messages) }, sqlClient(runner.manager));
}
