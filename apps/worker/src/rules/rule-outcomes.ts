import type { EntityManager } from 'typeorm';
import { isNetwork, type RuleAction } from '@resonance/contracts';
import { moderationActionsNow } from '@resonance/connectors';
import { sqlClient } from '@resonance/db';
import type { ChannelRow, MessageRow } from '../ingest/message-row';
import { matchingRules, mayMatch, type CompiledRule, type RuleDbFacts, type RuleMessage } from './rule-matcher';
import {
  countRuleMatches,
  insertRuleReplies,
  insertRuleRuns,
  insertRuleSuggestions,
  roundRobinAgents,
  ruleFacts,
  takeRuleTurns,
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

/** What the ingest must queue once its transaction has committed. */
export interface RuleWork {
  moderationActionIds: string[];
  replyMessageIds: string[];
}

export const NO_RULE_WORK: RuleWork = { moderationActionIds: [], replyMessageIds: [] };

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
  // Last in the transaction: the rule rows' locks serialize the workspace's concurrent writers only for their commits.
  const countMatches = async () => {
    await countRuleMatches.run({ workspaceId: channel.workspace_id, counts: JSON.stringify([...counts].map(([id, c]) => ({ id, m: c.m, s: c.s }))) }, db);
  };
  if (suggestions.length) await insertRuleSuggestions.run({ workspaceId: channel.workspace_id, suggestions: JSON.stringify(suggestions) }, db);
  if (!autos.length) {
    await countMatches();
    return NO_RULE_WORK;
  }
  const turnsWanted = [...counts].filter(([, c]) => c.t > 0).map(([id, c]) => ({ id, t: c.t }));
  const turns = new Map(
    turnsWanted.length
      ? (await takeRuleTurns.run({ workspaceId: channel.workspace_id, turns: JSON.stringify(turnsWanted) }, db)).map((r) => [r.id, Number(r.firstTurn)])
      : [],
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
  if (!runs.length) {
    await countMatches();
    return NO_RULE_WORK;
  }
  const inserted = await insertRuleRuns.run({ workspaceId: channel.workspace_id, runs: JSON.stringify(runs) }, db);
  const moderationActionIds = inserted.flatMap((r) => (r.actionId === null ? [] : [r.actionId]));
  const replies = autos
    .filter((a) => a.action.type === 'reply' && inserted.some((r) => r.messageId === a.fact.id && r.type === 'reply'))
    .map((a) => ({ m: a.fact.id, c: a.action.type === 'reply' ? a.action.cannedResponseId : '' }));
  const replyMessageIds = replies.length
    ? (await insertRuleReplies.run({ workspaceId: channel.workspace_id, replies: JSON.stringify(replies) }, db)).map((r) => r.id)
    : [];
  await countMatches();
  return { moderationActionIds, replyMessageIds };
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
