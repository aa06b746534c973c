import type { EntityManager } from 'typeorm';
import { isNetwork, type RuleAction } from '@resonance/contracts';
import { moderationActionsNow } from '@resonance/connectors';
import { sqlClient } from '@resonance/db';
import type { ChannelRow, MessageRow } from '../ingest/message-row';
import { matchingRules, mayMatch, type CompiledRule, type RuleDbFacts, type RuleMessage } from './rule-matcher';
import type { RuleTurns } from './rule-turns';
import {
  countRuleMatches as countRuleMatchesQuery,
  insertRuleReplies,
  insertRuleRuns,
  insertRuleSuggestions,
  roundRobinAgents,
  ruleFacts,
  updateRuleThreads,
  type IRuleFactsResult,
} from './rules.queries';

/**
 * Rules act on what arrives now, not on history: a first sync of a channel stores months of old
 * comments, and hiding or assigning those would surprise everyone. Older messages are not evaluated.
 */
export const RULES_MAX_MESSAGE_AGE_MS = 7 * 24 * 3600_000;

/** A message as the rules see it at ingest: its row (with the spam reasons the INSERT stored), whether its author is new, and spam reasons to use instead (tests). */
export interface RuleCandidate {
  row: MessageRow;
  firstTime: boolean;
  spamReasons?: readonly string[];
}

/** What the ingest must do once its transaction has committed: count the rules' matches, queue what they queued. */
export interface RuleWork {
  moderationActionIds: string[];
  replyMessageIds: string[];
  /** Matches and suggestions by rule id. */
  counts: RuleCounts;
}

/** What the outbound queue gets of it. */
export type QueuedRuleWork = Pick<RuleWork, 'moderationActionIds' | 'replyMessageIds'>;

export type RuleCounts = ReadonlyMap<string, { m: number; s: number }>;

export const NO_RULE_WORK: RuleWork = { moderationActionIds: [], replyMessageIds: [], counts: new Map() };

/**
 * Adds the committed writes' matches and suggestions to their rules, in one autocommit statement
 * after the commit. In the ingest's transaction this UPDATE held every matched rule's row lock until
 * the commit, so the workspace's concurrent writers committed one after another; after it, a crash
 * between commit and count loses a batch's counts (statistics for the rules page), a retried
 * batch never counts twice (its stored messages are not evaluated again).
 */
export async function countRuleMatches(db: Parameters<typeof sqlClient>[0], workspaceId: string, work: readonly RuleWork[]): Promise<void> {
  const sum = new Map<string, { m: number; s: number }>();
  for (const w of work)
    for (const [id, c] of w.counts) {
      let total = sum.get(id);
      if (!total) sum.set(id, (total = { m: 0, s: 0 }));
      total.m += c.m;
      total.s += c.s;
    }
  if (!sum.size) return;
  // Sorted by id: two batches counting on the same rules lock their rows in the same order.
  const counts = [...sum].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1)).map(([id, c]) => ({ id, m: c.m, s: c.s }));
  await countRuleMatchesQuery.run({ workspaceId, counts: JSON.stringify(counts) }, sqlClient(db));
}

const MODERATION: ReadonlySet<string> = new Set(['hide', 'delete', 'like']);

interface ThreadState {
  priority: number;
  tags: string[];
  assigneeId: string | null;
  status: string;
  changed: { priority: boolean; tags: boolean; assignee: boolean; status: boolean };
}

/**
 * Evaluates the workspace's rules on a write's new inbound messages and records their outcomes in
 * the write's transaction: suggestions (suggest mode), or rule runs with their queued moderation
 * actions, thread changes, replies and audit events (auto mode), and the rules' counts. Nothing is
 * read or written when no rule's message conditions hold for any message.
 */
export async function applyRules(
  tx: EntityManager,
  channel: ChannelRow,
  rules: readonly CompiledRule[],
  candidates: RuleCandidate[],
  turnTaker: Pick<RuleTurns, 'take'>,
  now = Date.now(),
): Promise<RuleWork> {
  if (!rules.length || !candidates.length || !isNetwork(channel.network)) return NO_RULE_WORK;
  const network = channel.network;
  const messages = candidates
    .filter((c) => !c.row.from_account && now - Date.parse(c.row.created_at) <= RULES_MAX_MESSAGE_AGE_MS)
    .map((c) => ({ candidate: c, message: toRuleMessage(c, channel) }))
    .filter(({ message }) => mayMatch(rules, message));
  if (!messages.length) return NO_RULE_WORK;
  const db = sqlClient(tx);
  const facts = new Map<string, IRuleFactsResult>(
    (await ruleFacts.run({ channelId: channel.id, externalIds: messages.map((m) => m.candidate.row.external_id) }, db)).map((f) => [f.externalId, f]),
  );
  const counts = new Map<string, { m: number; s: number; t: number }>();
  const count = (rule: CompiledRule) => counts.get(rule.id) ?? counts.set(rule.id, { m: 0, s: 0, t: 0 }).get(rule.id) ?? { m: 0, s: 0, t: 0 };
  const suggestions: object[] = [];
  const autos: Array<{ rule: CompiledRule; fact: IRuleFactsResult; row: MessageRow; action: RuleAction; index: number }> = [];
  for (const { candidate, message } of messages) {
    const fact = facts.get(candidate.row.external_id);
    if (!fact) continue;
    const dbFacts: RuleDbFacts = { firstTime: candidate.firstTime, outsideHours: fact.outsideHours };
    for (const rule of matchingRules(rules, message, () => dbFacts)) {
      const c = count(rule);
      c.m += 1;
      rule.actions.forEach((action, index) => {
        if (rule.mode === 'suggest') {
          c.s += 1;
          suggestions.push({ m: fact.id, t: fact.threadId, r: rule.id, n: rule.name, i: index, a: action });
        } else {
          if (action.type === 'assignRoundRobin') c.t += 1;
          autos.push({ rule, fact, row: candidate.row, action, index });
        }
      });
    }
  }
  if (!counts.size) return NO_RULE_WORK;
  // Counted after the commit (countRuleMatches): no rule row is locked by the ingest's transaction.
  const counted = new Map([...counts].map(([id, c]) => [id, { m: c.m, s: c.s }]));
  if (suggestions.length) await insertRuleSuggestions.run({ workspaceId: channel.workspace_id, suggestions: JSON.stringify(suggestions) }, db);
  if (!autos.length) return { ...NO_RULE_WORK, counts: counted };
  // Outside this transaction (rule-turns.ts), and only for the rules that assign in turn.
  const turns = await turnTaker.take(
    channel.workspace_id,
    [...counts].filter(([, c]) => c.t > 0).map(([id, c]) => ({ id, t: c.t })),
  );

  const agents = autos.some((a) => a.action.type === 'assignRoundRobin')
    ? (await roundRobinAgents.run({ workspaceId: channel.workspace_id }, db)).map((u) => u.id)
    : [];
  const threads = new Map<string, ThreadState>();
  const runs: object[] = [];
  for (const { rule, fact, row, action, index } of autos) {
    const state =
      threads.get(fact.threadId) ??
      threads
        .set(fact.threadId, {
          priority: fact.priority,
          tags: [...fact.tags],
          assigneeId: fact.assigneeId,
          status: fact.status,
          changed: { priority: false, tags: false, assignee: false, status: false },
        })
        .get(fact.threadId);
    if (!state) continue;
    const previous = applyToThread(state, action, () => {
      const turn = turns.get(rule.id) ?? 0;
      turns.set(rule.id, turn + 1);
      return agents.length ? (agents[turn % agents.length] ?? null) : null;
    });
    if (previous === undefined) continue;
    if (MODERATION.has(action.type) && !moderationAllowed(network, row, action.type)) continue;
    runs.push({ m: fact.id, t: fact.threadId, r: rule.id, n: rule.name, i: index, a: action, p: previous });
  }
  const changedThreads = [...threads].filter(([, s]) => Object.values(s.changed).some(Boolean));
  if (changedThreads.length) {
    await updateRuleThreads.run(
      {
        workspaceId: channel.workspace_id,
        threads: JSON.stringify(
          changedThreads.map(([id, s]) => ({
            id,
            sp: s.changed.priority,
            p: s.priority,
            st: s.changed.tags,
            tg: s.tags,
            sa: s.changed.assignee,
            a: s.assigneeId,
            ss: s.changed.status,
            s: s.status,
          })),
        ),
      },
      db,
    );
  }
  if (!runs.length) return { ...NO_RULE_WORK, counts: counted };
  const inserted = await insertRuleRuns.run({ workspaceId: channel.workspace_id, runs: JSON.stringify(runs) }, db);
  const moderationActionIds = inserted.flatMap((r) => (r.actionId === null ? [] : [r.actionId]));
  const replies = autos
    .filter((a) => a.action.type === 'reply' && inserted.some((r) => r.messageId === a.fact.id && r.type === 'reply'))
    .map((a) => ({ m: a.fact.id, c: a.action.type === 'reply' ? a.action.cannedResponseId : '' }));
  const replyMessageIds = replies.length
    ? (await insertRuleReplies.run({ workspaceId: channel.workspace_id, replies: JSON.stringify(replies) }, db)).map((r) => r.id)
    : [];
  return { moderationActionIds, replyMessageIds, counts: counted };
}

/**
 * Applies a triage action to the thread's state as this write leaves it; returns what it replaced
 * (for undo), {} for actions on the message, or undefined when it changes nothing.
 */
function applyToThread(state: ThreadState, action: RuleAction, nextAgent: () => string | null): Record<string, unknown> | undefined {
  switch (action.type) {
    case 'priority':
      if (state.priority === action.priority) return undefined;
      state.changed.priority = true;
      return { priority: swap(state, 'priority', action.priority) };
    case 'tags': {
      const added = action.tags.filter((t) => !state.tags.includes(t));
      if (!added.length) return undefined;
      state.tags = [...state.tags, ...added];
      state.changed.tags = true;
      return { addedTags: added };
    }
    case 'assign':
    case 'assignRoundRobin': {
      const to = action.type === 'assign' ? action.userId : nextAgent();
      if (to === null || to === state.assigneeId) return undefined;
      state.changed.assignee = true;
      return { assigneeId: swap(state, 'assigneeId', to), assignedTo: to };
    }
    case 'markHandled':
      if (state.status === 'closed') return undefined;
      state.changed.status = true;
      return { status: swap(state, 'status', 'closed') };
    default:
      return {};
  }
}

function swap<K extends 'priority' | 'assigneeId' | 'status'>(state: ThreadState, key: K, value: ThreadState[K]): ThreadState[K] {
  const before = state[key];
  state[key] = value;
  return before;
}

/** Whether the network allows this action on a new customer's comment (what MessageItem.actions would offer). */
function moderationAllowed(network: Parameters<typeof moderationActionsNow>[0], row: MessageRow, action: string): boolean {
  const allowed: string[] = moderationActionsNow(network, {
    channel: row.channel === 'comment' || row.channel === 'direct' || row.channel === 'mention' ? row.channel : 'comment',
    fromAccount: false,
    hasExternalId: true,
    underOwnPost: row.post_external_id !== null,
    authorKnown: row.author_external_id !== null,
    authorBlocked: false,
    hidden: false,
    liked: false,
    deleted: false,
  });
  return row.channel === 'comment' && allowed.includes(action);
}

function toRuleMessage(c: RuleCandidate, channel: ChannelRow): RuleMessage {
  const { row } = c;
  return {
    network: channel.network,
    channelAccountId: channel.id,
    kind: row.channel === 'direct' || row.channel === 'mention' ? row.channel : 'comment',
    intent: row.intent,
    sentiment: row.sentiment,
    text: row.text,
    authorExternalId: row.author_external_id,
    authorHandle: row.author_handle,
    spamReasons: c.spamReasons ?? row.spamReasons,
  };
}
