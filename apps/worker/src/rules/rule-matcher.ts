import { RULE_LIMITS, type Intent, type MessageChannel, type RuleAction, type RuleCondition, type RuleMode } from '@resonance/contracts';

/**
 * Rules compiled once per workspace and version (rules-cache.ts) into predicates over one inbound
 * message: keyword lists become one Unicode-aware regular expression per condition, patterns are
 * compiled once, lists become sets. Evaluation does no allocation beyond what the regexes do.
 */

/** What a rule looks at: the message as the ingest has it. */
export interface RuleMessage {
  network: string;
  channelAccountId: string;
  kind: MessageChannel;
  intent: Intent | null;
  sentiment: number | null;
  text: string;
  authorExternalId: string | null;
  authorHandle: string | null;
  /**
   * Why the ingest thinks the message is spam (links to unknown domains, repeated texts, scam
   * phrases, the classifier's spam intent); empty when it does not. Filled by the spam signal
   * (issue 25 part 3) where it exists; [] otherwise.
   */
  spamReasons: readonly string[];
}

/** What only the database knows, looked up for the messages a rule could still match (RuleFacts). */
export interface RuleDbFacts {
  firstTime: boolean;
  outsideHours: boolean;
}

export interface StoredRule {
  id: string;
  name: string;
  mode: RuleMode;
  stopAfter: boolean;
  conditions: RuleCondition[];
  actions: RuleAction[];
}

export interface CompiledRule extends StoredRule {
  /** The conditions decided by the message alone. */
  cheap: (m: RuleMessage) => boolean;
  /** The conditions that need RuleDbFacts (true when there are none). */
  needsFacts: boolean;
  withFacts: (f: RuleDbFacts) => boolean;
}

/** A letter, digit or underscore of any script: what a word boundary is between. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';
const LINK =
  /(?:https?:\/\/|www\.)\S+|(?<![\p{L}\p{N}@.-])[\p{L}\p{N}-]+\.(?:com|de|net|org|io|ly|co|info|biz|xyz|me|app|shop|link|click|ru|top|eu|at|ch)(?:\/\S*)?(?![\p{L}\p{N}])/iu;

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** One regex for a list of words and phrases: whole words, any case, any whitespace between a phrase's words. */
export function keywordMatcher(words: readonly string[]): RegExp {
  const alternatives = words
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => w.split(/\s+/u).map(escapeRegex).join('\\s+'));
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'iu');
}

export const containsLink = (text: string): boolean => LINK.test(text);

type Check = (m: RuleMessage) => boolean;

function compileCondition(c: RuleCondition): Check | 'firstTime' | 'outsideHours' {
  switch (c.type) {
    case 'network': {
      const set = new Set<string>(c.networks);
      return (m) => set.has(m.network);
    }
    case 'channel': {
      const set = new Set(c.channelIds.map((id) => id.toLowerCase()));
      return (m) => set.has(m.channelAccountId.toLowerCase());
    }
    case 'kind': {
      const set = new Set<string>(c.kinds);
      return (m) => set.has(m.kind);
    }
    case 'intent': {
      const set = new Set<string>(c.intents);
      return (m) => m.intent !== null && set.has(m.intent);
    }
    case 'sentiment': {
      const { below, above } = c;
      return (m) => m.sentiment !== null && (below === undefined || m.sentiment < below) && (above === undefined || m.sentiment > above);
    }
    case 'keywords': {
      const re = keywordMatcher(c.words);
      return (m) => re.test(m.text);
    }
    case 'regex': {
      // Checked on save (unsafePatternReason); the input is bounded so that even a slow pattern has a ceiling.
      const re = new RegExp(c.pattern, 'iu');
      return (m) => re.test(m.text.length > RULE_LIMITS.regexInput ? m.text.slice(0, RULE_LIMITS.regexInput) : m.text);
    }
    case 'link':
      return (m) => containsLink(m.text);
    case 'author': {
      const set = new Set(c.authors.map((a) => a.trim().replace(/^@/, '').toLowerCase()));
      const listed = (m: RuleMessage) =>
        (m.authorExternalId !== null && set.has(m.authorExternalId.toLowerCase())) ||
        (m.authorHandle !== null && set.has(m.authorHandle.replace(/^@/, '').toLowerCase()));
      return c.list === 'block' ? listed : (m) => !listed(m);
    }
    case 'spam':
      return (m) => m.spamReasons.length > 0;
    case 'firstTime':
    case 'outsideHours':
      return c.type;
  }
}

export function compileRule(rule: StoredRule): CompiledRule {
  const checks: Check[] = [];
  let firstTime = false;
  let outsideHours = false;
  for (const c of rule.conditions) {
    const compiled = compileCondition(c);
    if (compiled === 'firstTime') firstTime = true;
    else if (compiled === 'outsideHours') outsideHours = true;
    else checks.push(compiled);
  }
  return {
    ...rule,
    cheap: (m) => checks.every((check) => check(m)),
    needsFacts: firstTime || outsideHours,
    withFacts: (f) => (!firstTime || f.firstTime) && (!outsideHours || f.outsideHours),
  };
}

/**
 * The rules that match a message, in order, up to and including the first matching rule with
 * stopAfter. `facts` is asked only when a rule's own conditions hold and it needs them.
 */
export function matchingRules(rules: readonly CompiledRule[], m: RuleMessage, facts: () => RuleDbFacts | undefined): CompiledRule[] {
  const matched: CompiledRule[] = [];
  for (const rule of rules) {
    if (!rule.cheap(m)) continue;
    if (rule.needsFacts) {
      const f = facts();
      if (!f || !rule.withFacts(f)) continue;
    }
    matched.push(rule);
    if (rule.stopAfter) break;
  }
  return matched;
}

/** True when some rule could match the message once the database facts are known. */
export const mayMatch = (rules: readonly CompiledRule[], m: RuleMessage): boolean => rules.some((r) => r.cheap(m));
