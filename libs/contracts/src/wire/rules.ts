import { INTENTS, type Intent } from '../domain';
import { NETWORKS, type Network } from '../networks';
import type { MessageChannel } from '../records';
import type { IsoDateTime, UserRef } from './common';

/**
 * Rules that moderate and route (issue 25 part 2, docs/rules.md): an admin's conditions on an
 * inbound message and the actions taken when all of them hold. Rules run in the worker's ingest
 * path in `position` order; a matching rule with `stopAfter` ends the evaluation for that message.
 */

export const RULE_MODES = ['suggest', 'auto'] as const;
/** suggest: the inbox offers the actions with one-click accept; auto: the worker takes them. */
export type RuleMode = (typeof RULE_MODES)[number];

export const RULE_KINDS: readonly MessageChannel[] = ['comment', 'direct', 'mention'];

/** Every condition of a rule must hold (AND); lists inside one condition are alternatives (OR). */
export type RuleCondition =
  | { type: 'network'; networks: Network[] }
  | { type: 'channel'; channelIds: string[] }
  | { type: 'kind'; kinds: MessageChannel[] }
  | { type: 'intent'; intents: Intent[] }
  /** The classifier's sentiment, -1 … 1: below and/or above (exclusive). */
  | { type: 'sentiment'; below?: number; above?: number }
  /** Any of these words or phrases, whole words only, any case, in any language's letters. */
  | { type: 'keywords'; words: string[] }
  /** A JavaScript regular expression, case-insensitive and Unicode-aware; checked on save (RULE_LIMITS). */
  | { type: 'regex'; pattern: string }
  | { type: 'link' }
  /** block: the author is one of `authors`; allow: the author is none of them (handles or network ids, any case). */
  | { type: 'author'; list: 'block' | 'allow'; authors: string[] }
  /** The author's first inbound message on this channel. */
  | { type: 'firstTime' }
  /** Written outside the workspace's business hours (its SLA schedule and holidays); never true without a schedule. */
  | { type: 'outsideHours' }
  /** The message's ingest-time spam reasons are not empty (docs/spam.md). */
  | { type: 'spam' };
export type RuleConditionType = RuleCondition['type'];
export const RULE_CONDITION_TYPES = [
  'network',
  'channel',
  'kind',
  'intent',
  'sentiment',
  'keywords',
  'regex',
  'link',
  'author',
  'firstTime',
  'outsideHours',
  'spam',
] as const satisfies readonly RuleConditionType[];

export type RuleAction =
  | { type: 'hide' }
  | { type: 'delete' }
  | { type: 'like' }
  | { type: 'assign'; userId: string }
  /** To the active admins and agents in turn. */
  | { type: 'assignRoundRobin' }
  /** 0 (none) … 3 (urgent) */
  | { type: 'priority'; priority: number }
  | { type: 'tags'; tags: string[] }
  /** Closes the thread. */
  | { type: 'markHandled' }
  /** Only where automated replies are allowed (AUTOMATED_REPLY_NETWORKS, comments only). */
  | { type: 'reply'; cannedResponseId: string };
export type RuleActionType = RuleAction['type'];
export const RULE_ACTION_TYPES = [
  'hide',
  'delete',
  'like',
  'assign',
  'assignRoundRobin',
  'priority',
  'tags',
  'markHandled',
  'reply',
] as const satisfies readonly RuleActionType[];

/**
 * Where a rule may reply on its own: public comments under the account's own posts on networks whose
 * terms allow automated replies there. Not X (its automation rules forbid automated replies chosen by
 * keyword), not XING (no reply API for customers' comments), and never private messages (Messenger's
 * and X's policies on automated messaging). A rule with a reply action must limit itself to these
 * networks and to comments (validateRule).
 */
export const AUTOMATED_REPLY_NETWORKS: readonly Network[] = ['facebook', 'youtube', 'linkedin'];

export const RULE_LIMITS = {
  rules: 100,
  name: 120,
  conditions: 20,
  actions: 10,
  listItems: 200,
  word: 100,
  pattern: 200,
  tag: 40,
  /** Characters of a message a regex condition reads (a bound on its time together with the pattern's checks). */
  regexInput: 5000,
} as const;

export interface RuleWire {
  id: string;
  position: number;
  name: string;
  enabled: boolean;
  mode: RuleMode;
  stopAfter: boolean;
  conditions: RuleCondition[];
  actions: RuleAction[];
  /** Messages it matched, suggestions it made, suggestions a person accepted. */
  matchedCount: number;
  suggestedCount: number;
  acceptedCount: number;
  updatedAt: IsoDateTime;
}

/** POST /api/rules, PUT /api/rules/:id */
export interface RuleInput {
  name: string;
  enabled: boolean;
  mode: RuleMode;
  stopAfter: boolean;
  conditions: RuleCondition[];
  actions: RuleAction[];
}

/** PUT /api/rules/order: every rule id of the workspace, in the new order. */
export interface ReorderRulesRequest {
  ids: string[];
}

export interface RuleList {
  items: RuleWire[];
}

export const RULE_SUGGESTION_STATES = ['pending', 'accepted', 'dismissed'] as const;
export type RuleSuggestionState = (typeof RULE_SUGGESTION_STATES)[number];

/** A suggest-mode rule's proposed action on a message (GET /api/threads/:id/rule-activity). */
export interface RuleSuggestionWire {
  id: string;
  messageId: string;
  ruleId: string | null;
  ruleName: string;
  action: RuleAction;
  state: RuleSuggestionState;
  createdAt: IsoDateTime;
}

/** An action a rule took on its own, undoable from the thread unless it was a delete or a reply. */
export interface RuleRunWire {
  id: string;
  messageId: string;
  ruleId: string | null;
  ruleName: string;
  action: RuleAction;
  undoable: boolean;
  undoneAt: IsoDateTime | null;
  undoneBy: UserRef | null;
  createdAt: IsoDateTime;
}

/** GET /api/threads/:id/rule-activity */
export interface ThreadRuleActivity {
  suggestions: RuleSuggestionWire[];
  runs: RuleRunWire[];
}

/** Why a rule was refused on save: the code the dashboard words, and where (e.g. "conditions.2.pattern"). */
export interface RuleProblem {
  code: 'RULE_INVALID' | 'RULE_REGEX_UNSAFE' | 'RULE_REPLY_NOT_ALLOWED';
  path: string;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown, max: number, itemMax: number): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.length <= max && v.every((s) => typeof s === 'string' && s.trim().length > 0 && s.length <= itemMax);
const isIn = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
const isListOf = <T extends string>(values: readonly T[], v: unknown): v is T[] =>
  Array.isArray(v) && v.length > 0 && v.length <= values.length && v.every((x) => isIn(values, x));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Why a pattern could take exponential time or is outside the limits, or null when it is safe to
 * run on every message: at most RULE_LIMITS.pattern characters, valid with the `iu` flags, no
 * back-references or lookbehinds, and no quantified group that itself contains a quantifier or an
 * alternation (`(a+)+`, `(a|aa)*`: the shapes of catastrophic backtracking).
 */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length === 0) return 'the pattern is empty';
  if (pattern.length > RULE_LIMITS.pattern) return `the pattern is longer than ${RULE_LIMITS.pattern} characters`;
  try {
    new RegExp(pattern, 'iu');
  } catch (e) {
    return `not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'back-references are not allowed';
  if (/\(\?<[=!]/.test(pattern)) return 'lookbehinds are not allowed';
  // Per open group: whether it holds a quantifier or an alternation; a group closed and then quantified while holding one is refused.
  const stack: boolean[] = [];
  let risky = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') stack.push(false);
    else if (c === ')') {
      const inner = stack.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '?' || next === '{';
      if (inner && quantified) risky = true;
      if (stack.length && (inner || quantified)) stack[stack.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{' || c === '|') && stack.length) stack[stack.length - 1] = true;
  }
  return risky ? 'a repeated group that itself repeats or has alternatives can take exponential time' : null;
}

function conditionProblem(c: unknown, path: string): RuleProblem | null {
  const invalid = (message: string): RuleProblem => ({ code: 'RULE_INVALID', path, message });
  if (!isObject(c) || !isIn(RULE_CONDITION_TYPES, c.type)) return invalid(`a condition's type is one of ${RULE_CONDITION_TYPES.join(', ')}`);
  const max = RULE_LIMITS.listItems;
  switch (c.type) {
    case 'network':
      return isListOf(NETWORKS, c.networks) ? null : invalid(`networks: a non-empty list of ${NETWORKS.join(', ')}`);
    case 'channel':
      return isStringList(c.channelIds, max, 64) ? null : invalid('channelIds: a non-empty list of channel ids');
    case 'kind':
      return isListOf(RULE_KINDS, c.kinds) ? null : invalid(`kinds: a non-empty list of ${RULE_KINDS.join(', ')}`);
    case 'intent':
      return isListOf(INTENTS, c.intents) ? null : invalid(`intents: a non-empty list of ${INTENTS.join(', ')}`);
    case 'sentiment': {
      const bound = (v: unknown) => v === undefined || (typeof v === 'number' && v >= -1 && v <= 1);
      if (!bound(c.below) || !bound(c.above) || (c.below === undefined && c.above === undefined)) return invalid('below and/or above: numbers from -1 to 1');
      return null;
    }
    case 'keywords':
      return isStringList(c.words, max, RULE_LIMITS.word) ? null : invalid(`words: 1–${max} words or phrases of up to ${RULE_LIMITS.word} characters`);
    case 'regex': {
      if (typeof c.pattern !== 'string') return invalid('pattern: a regular expression');
      const reason = unsafePatternReason(c.pattern);
      return reason === null ? null : { code: 'RULE_REGEX_UNSAFE', path: `${path}.pattern`, message: reason };
    }
    case 'author':
      if (c.list !== 'block' && c.list !== 'allow') return invalid('list: block or allow');
      return isStringList(c.authors, max, 200) ? null : invalid(`authors: 1–${max} handles or ids`);
    default:
      return null;
  }
}

function actionProblem(a: unknown, path: string): RuleProblem | null {
  const invalid = (message: string): RuleProblem => ({ code: 'RULE_INVALID', path, message });
  if (!isObject(a) || !isIn(RULE_ACTION_TYPES, a.type)) return invalid(`an action's type is one of ${RULE_ACTION_TYPES.join(', ')}`);
  switch (a.type) {
    case 'assign':
      return typeof a.userId === 'string' && UUID.test(a.userId) ? null : invalid('userId: the id of an agent');
    case 'priority':
      return Number.isInteger(a.priority) && typeof a.priority === 'number' && a.priority >= 0 && a.priority <= 3 ? null : invalid('priority: 0 to 3');
    case 'tags':
      return isStringList(a.tags, 20, RULE_LIMITS.tag) ? null : invalid(`tags: 1–20 tags of up to ${RULE_LIMITS.tag} characters`);
    case 'reply':
      return typeof a.cannedResponseId === 'string' && UUID.test(a.cannedResponseId) ? null : invalid('cannedResponseId: the id of a canned response');
    default:
      return null;
  }
}

/**
 * The first problem of a rule as an admin saves it, or null. Also checked by the dashboard before it
 * sends, so both say the same. The api checks in addition that users and canned responses exist.
 */
export function validateRule(input: unknown): RuleProblem | null {
  const invalid = (path: string, message: string): RuleProblem => ({ code: 'RULE_INVALID', path, message });
  if (!isObject(input)) return invalid('', 'a rule is an object');
  if (typeof input.name !== 'string' || !input.name.trim() || input.name.length > RULE_LIMITS.name) return invalid('name', `1–${RULE_LIMITS.name} characters`);
  if (typeof input.enabled !== 'boolean') return invalid('enabled', 'true or false');
  if (typeof input.stopAfter !== 'boolean') return invalid('stopAfter', 'true or false');
  if (!isIn(RULE_MODES, input.mode)) return invalid('mode', 'suggest or auto');
  const { conditions, actions } = input;
  if (!Array.isArray(conditions) || conditions.length > RULE_LIMITS.conditions) return invalid('conditions', `a list of up to ${RULE_LIMITS.conditions}`);
  if (!Array.isArray(actions) || !actions.length || actions.length > RULE_LIMITS.actions) return invalid('actions', `1–${RULE_LIMITS.actions} actions`);
  for (const [i, c] of conditions.entries()) {
    const problem = conditionProblem(c, `conditions.${i}`);
    if (problem) return problem;
  }
  for (const [i, a] of actions.entries()) {
    const problem = actionProblem(a, `actions.${i}`);
    if (problem) return problem;
  }
  const replyAt = actions.findIndex((a) => isObject(a) && a.type === 'reply');
  if (replyAt >= 0) {
    const typed = conditions as RuleCondition[];
    const networks = typed.find((c): c is Extract<RuleCondition, { type: 'network' }> => c.type === 'network')?.networks;
    const kinds = typed.find((c): c is Extract<RuleCondition, { type: 'kind' }> => c.type === 'kind')?.kinds;
    if (!networks?.every((n) => AUTOMATED_REPLY_NETWORKS.includes(n)) || !kinds?.every((k) => k === 'comment')) {
      return {
        code: 'RULE_REPLY_NOT_ALLOWED',
        path: `actions.${replyAt}`,
        message: `a rule that replies must be limited to comments (kind) on ${AUTOMATED_REPLY_NETWORKS.join(', ')} (network): automated replies are allowed only there`,
      };
    }
  }
  return null;
}

/** A rule as stored is one that passes validateRule (the api refuses the others on save). */
export function isValidRule(input: unknown): input is RuleInput {
  return validateRule(input) === null;
}

/** One stored action (of a suggestion or a run) as the contract shapes it. */
export function isRuleAction(input: unknown): input is RuleAction {
  return actionProblem(input, '') === null;
}

/** A message a rule hid (or is hiding) and nobody undid: GET /api/rules/hidden, the inbox's "Hidden by rules" view. */
export interface HiddenByRuleItem {
  runId: string;
  messageId: string;
  threadId: string;
  ruleId: string | null;
  ruleName: string;
  network: string;
  /** Exactly as written; render as text. */
  text: string;
  authorName: string | null;
  /** False while the hide is still queued (or failed at the network). */
  hidden: boolean;
  createdAt: IsoDateTime;
}

export interface HiddenByRulesPage {
  items: HiddenByRuleItem[];
  nextCursor: string | null;
}
