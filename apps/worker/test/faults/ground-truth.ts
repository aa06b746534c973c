import type { Network } from '@resonance/contracts';
import type { ReceivedItem, TruthItem } from '@resonance/sim';
import { compareLinkedIn } from '../linkedin-support';
import { instagramTruth } from '../instagram-support';
import { compareWithTruth, simJson, storedMessages, type StoredMessage } from '../pipeline-support';
import type { FaultRig } from './rig';
import { sleep } from './support';

/** The name the checks give a committed reply or action that never left "queued" (issue 29). */
export const STRANDED = 'stranded in queued: committed by the api but never enqueued (issue 29, the outbox/sweep fix)';

export interface Tally {
  /** Network items not stored; committed replies and actions not at the network. */
  lost: string[];
  /** Stored or sent more than once. */
  doubled: string[];
  /** Committed replies and actions not shown as sent/done by the deadline. */
  stuck: string[];
  /** Stored once but wrong (thread, author, time, text). */
  wrong: string[];
  /**
   * A like or hide the network was asked for twice (the worker died between the call and its
   * commit, and the runner repeats it; it checks its own row, not the network). Both are idempotent
   * at the network — the comment is liked/hidden once either way — so this is reported, not failed.
   */
  repeated: string[];
  /** Items compared (network items, replies, actions). */
  checked: number;
  /** Messenger senders still without a name (known, reported apart; see docs/reliability.md). */
  namesMissing: number;
}

export const emptyTally = (): Tally => ({ lost: [], doubled: [], stuck: [], wrong: [], repeated: [], checked: 0, namesMissing: 0 });
export const problemCount = (t: Tally) => t.lost.length + t.doubled.length + t.stuck.length + t.wrong.length;

interface Reply {
  network: Network;
  channelId: string;
  text: string;
  /** The api answered 202 (committed); otherwise the request died with the api and may or may not have been committed. */
  answered: boolean;
  /** The api answered with an error (e.g. 503 while PostgreSQL restarts): the agent was told it did not go through. */
  refused?: number;
}

interface Action {
  messageId: string;
  externalId: string;
  action: 'like' | 'hide';
  answered: boolean;
  refused?: number;
}

/**
 * What the agent did through the api during a fault run (replies on every network, likes and hides
 * of Facebook comments), and the ground-truth check of it and of everything the networks hold.
 */
export class Ledger {
  readonly replies: Reply[] = [];
  readonly actions: Action[] = [];
  private seq = 0;

  constructor(private readonly rig: FaultRig) {}

  /** Posts a reply through the api to a comment thread of the network not yet answered; false when there is none yet. */
  async reply(network: Network): Promise<boolean> {
    const channelId = this.rig.channel(network).id;
    // Instagram refuses replies under a hidden comment (the account hid some of the generated ones):
    // such a thread is not one an agent would answer, so the run does not pick it.
    const [thread] = await this.rig.ds.query<Array<{ id: string }>>(
      `SELECT t.id::text FROM thread t WHERE t.channel_account_id = $1 AND t.channel = 'comment' AND t.last_inbound_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM message m WHERE m.thread_id = t.id AND m.direction = 'outbound')
          AND ($2 <> 'instagram' OR NOT EXISTS (SELECT 1 FROM message h WHERE h.thread_id = t.id AND h.hidden))
        ORDER BY t.last_message_at DESC LIMIT 1`,
      [channelId, network],
    );
    if (!thread) return false;
    const text = `Fault run reply ${++this.seq} on ${network} (${Date.now().toString(36)})`;
    const entry: Reply = { network, channelId, text, answered: false };
    this.replies.push(entry);
    const res = await this.rig.call(`/api/threads/${thread.id}/replies`, { method: 'POST', body: { text, confirmNewer: true } });
    entry.answered = res.status === 202;
    if (res.status >= 300) entry.refused = res.status;
    // A refusal other than a 5xx (the database or queue was down) is a bug of the test or the api.
    if (res.status >= 300 && res.status < 500) throw new Error(`reply refused: ${res.status} ${JSON.stringify(res.body)}`);
    return true;
  }

  /** Likes or hides a customer's Facebook comment through the api; false when there is none left to act on. */
  async moderate(action: 'like' | 'hide'): Promise<boolean> {
    const [m] = await this.rig.ds.query<Array<{ id: string; external_id: string }>>(
      `SELECT m.id::text, m.external_id FROM message m JOIN thread t ON t.id = m.thread_id
        WHERE m.channel_account_id = $1 AND t.channel = 'comment' AND m.direction = 'inbound' AND NOT m.is_from_account
          AND m.external_id IS NOT NULL AND NOT m.deleted AND NOT (m.id::text = ANY($2::text[]))
          AND NOT EXISTS (SELECT 1 FROM message_action a WHERE a.message_id = m.id)
        ORDER BY m.id DESC LIMIT 1`,
      [this.rig.channel('facebook').id, this.actions.map((a) => a.messageId)],
    );
    if (!m) return false;
    const entry: Action = { messageId: m.id, externalId: m.external_id, action, answered: false };
    this.actions.push(entry);
    const res = await this.rig.call(`/api/messages/${m.id}/actions`, { method: 'POST', body: { action } });
    entry.answered = res.status === 202;
    if (res.status >= 300) entry.refused = res.status;
    if (res.status >= 300 && res.status < 500) throw new Error(`${action} refused: ${res.status} ${JSON.stringify(res.body)}`);
    return true;
  }

  /**
   * The sim's truth of a network. Instagram's comments on others' media live in mention threads
   * (`mention:<media>:<comment>`, instagram-support.ts), which the truth names by the comment only.
   */
  private async truthOf(network: Network): Promise<TruthItem[]> {
    if (network === 'instagram') return instagramTruth(this.rig.sim);
    return (await simJson<{ items: TruthItem[] }>(this.rig.sim, `/_sim/truth?network=${network}&limit=100000`)).items;
  }

  /**
   * What the inbox stored for the channel. Instagram's media of others that tag the account are
   * stored as mentions in their own thread `mention:<media>` but are not in the sim's truth (neither
   * the account's posts nor comments), so they are left out — known by that thread key rather than
   * read from the sim's /tags, which the faults of a run may be refusing at that moment
   * (instagram-ground-truth.int-spec.ts checks them one by one).
   */
  private async storedOf(network: Network, channelId: string): Promise<StoredMessage[]> {
    const stored = await storedMessages(this.rig.ds, channelId);
    if (network !== 'instagram') return stored;
    return stored.filter((m) => m.thread_key !== `mention:${m.external_id}`);
  }

  /** Replies on every network and a like and a hide, fired together (not awaited one by one): a burst for the api to die in. */
  burst(perNetwork = 1): Array<Promise<boolean>> {
    const calls: Array<Promise<boolean>> = [];
    for (let i = 0; i < perNetwork; i++) for (const c of this.rig.channels) calls.push(this.reply(c.network).catch(() => false));
    calls.push(
      this.moderate('like').catch(() => false),
      this.moderate('hide').catch(() => false),
    );
    return calls;
  }

  /**
   * Waits (up to `ms`) until every network's items are stored exactly once in the right thread and
   * every committed reply and action is at the sim exactly once and shown as sent/done; returns what
   * is still wrong then.
   */
  async check(ms: number): Promise<Tally> {
    const until = Date.now() + ms;
    let cleanSince: number | undefined;
    for (;;) {
      const tally = await this.tally().catch((error: unknown) => ({
        ...emptyTally(),
        stuck: [`database not readable: ${error instanceof Error ? error.message : String(error)}`],
      }));
      const clean = problemCount(tally) === 0;
      if (!clean) cleanSince = undefined;
      else cleanSince ??= Date.now();
      // Once nothing is missing or doubled, Messenger names get a few seconds to arrive with a sync.
      if ((clean && (!tally.namesMissing || Date.now() - cleanSince! > 10_000)) || Date.now() > until) return tally;
      await sleep(1000);
    }
  }

  private async tally(): Promise<Tally> {
    const t = emptyTally();
    const received = (await simJson<{ items: ReceivedItem[] }>(this.rig.sim, '/_sim/received')).items;
    for (const channel of this.rig.channels) {
      const truth = await this.truthOf(channel.network);
      const stored = await this.storedOf(channel.network, channel.id);
      const generated = truth.filter((i) => i.source === 'generator');
      // A reply sent from Resonance keeps its own row (the agent's time, no author): its count is checked below.
      const problems = channel.network === 'linkedin' ? compareLinkedIn(truth, stored) : compareWithTruth(generated, stored);
      t.checked += generated.filter((i) => i.kind !== 'post').length;
      for (const p of problems) {
        const where = `${channel.network} ${p}`;
        if (p.endsWith('stored 0 times')) t.lost.push(where);
        else if (/stored \d+ times$/.test(p)) t.doubled.push(where);
        else if (channel.network === 'facebook' && /: author \S+\/null, expected /.test(p)) t.namesMissing++;
        else t.wrong.push(where);
      }
      for (const sent of truth.filter((i) => i.source === 'api')) {
        const rows = stored.filter((m) => m.external_id === sent.externalId);
        if (rows.length > 1) t.doubled.push(`${channel.network} reply ${sent.externalId}: stored ${rows.length} times`);
        else if (rows.length === 0 || rows[0].delivery !== 'sent')
          t.stuck.push(`${channel.network} reply ${sent.externalId}: at the network, not shown as sent (${rows[0]?.delivery ?? 'no row with its id'})`);
      }
    }
    for (const r of this.replies) {
      t.checked++;
      const rows = await this.rig.ds.query<
        Array<{
          delivery: string;
          delivery_error: string | null;
        }>
      >(`SELECT delivery, delivery_error FROM message WHERE channel_account_id = $1 AND text = $2`, [r.channelId, r.text]);
      const atNetwork = received.filter((i) => i.network === r.network && i.text === r.text).length;
      const what = `${r.network} reply "${r.text}"`;
      if (rows.length > 1) t.doubled.push(`${what}: ${rows.length} rows`);
      if (atNetwork > 1) t.doubled.push(`${what}: at the network ${atNetwork} times`);
      if (rows.length === 0) {
        // Not committed: the api died before the transaction ended. Then it must not be at the network either.
        if (r.answered) t.lost.push(`${what}: accepted by the api (202) but not stored`);
        if (atNetwork) t.doubled.push(`${what}: at the network without a row`);
        continue;
      }
      // Refused with an error and shown as failed: the agent knows and can retry (not stuck).
      if (r.refused && rows[0].delivery === 'failed' && atNetwork === 0) continue;
      if (rows[0].delivery !== 'sent')
        t.stuck.push(
          `${what}: ${rows[0].delivery}${rows[0].delivery_error ? ` (${rows[0].delivery_error})` : ''}${rows[0].delivery === 'queued' && !rows[0].delivery_error ? ` — ${STRANDED}` : ''}`,
        );
      else if (atNetwork === 0) t.lost.push(`${what}: shown as sent, not at the network`);
    }
    for (const a of this.actions) {
      t.checked++;
      const rows = await this.rig.ds.query<Array<{ state: string; error: string | null }>>(
        `SELECT state, error FROM message_action WHERE message_id = $1 AND action = $2`,
        [a.messageId, a.action],
      );
      const atNetwork = received.filter((i) => i.kind === `comment_${a.action}` && i.targetId === a.externalId).length;
      const what = `facebook ${a.action} of ${a.externalId}`;
      if (rows.length > 1) t.doubled.push(`${what}: ${rows.length} rows`);
      if (atNetwork > 1) t.repeated.push(`${what}: called ${atNetwork} times`);
      if (rows.length === 0) {
        if (a.answered) t.lost.push(`${what}: accepted by the api (202) but not stored`);
        if (atNetwork) t.doubled.push(`${what}: at the network without a row`);
        continue;
      }
      if (a.refused && rows[0].state === 'failed' && atNetwork === 0) continue;
      // Queued with an error is waiting on the network (a rate limit's regain); without one, nothing picked it up.
      if (rows[0].state !== 'done')
        t.stuck.push(
          `${what}: ${rows[0].state}${rows[0].error ? ` (${rows[0].error})` : ''}${rows[0].state === 'queued' && !rows[0].error ? ` — ${STRANDED}` : ''}`,
        );
      else if (atNetwork === 0) t.lost.push(`${what}: shown as done, not at the network`);
    }
    return t;
  }
}

/** One line per problem kind, for a failure message or a report. */
export function describeTally(t: Tally, max = 8): string {
  const part = (name: string, items: string[]) => (items.length ? `${name} ${items.length}: ${items.slice(0, max).join('; ')}` : `${name} 0`);
  return [part('lost', t.lost), part('doubled', t.doubled), part('stuck', t.stuck), part('wrong', t.wrong), part('repeated idempotent calls', t.repeated)].join(
    '\n',
  );
}
