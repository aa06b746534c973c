import type { DataSource } from 'typeorm';
import { RULE_LIMITS, validateRule, type RuleAction, type RuleCondition, type RuleInput } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import { benchRuleOutcomes, insertBenchRules } from './rules.queries';
import type { BenchWorld } from './world';

/** What `--rules n` reports beside the ingest numbers (issue 25: §6 ingest with 20 active rules). */
export interface BenchRuleNumbers {
  /** Enabled rules of the bench workspace while the pipeline ran. */
  active: number;
  /** Rule matches on the measured comments (a message matched by three rules counts three). */
  matched: number;
  /** Suggestions made by suggest-only rules. */
  suggested: number;
  /** Automatic actions the rules took (rule runs), by action type. */
  actions: Record<string, number>;
  actionsTotal: number;
  /** Hides and likes the rules queued that had reached the sim when the last comment was stored. */
  moderationDoneAtEnd: number;
}

const comment: RuleCondition = { type: 'kind', kinds: ['comment'] };

/**
 * Twenty rules as a shop's team would set them up for its German and English audience (the sim's
 * vocabulary: apps/sim/src/generator/vocabulary.ts), in three groups (docs/benchmarks.md, Stop 36):
 * - moderation, first and stop after (a few per cent of comments: the bench's spam share is the
 *   generator's, benchTraffic): spam hidden, tagged and handled; blocked authors hidden; links from
 *   first-time commenters hidden; scam phrases only suggested for deletion;
 * - routing by network (match nearly every message): each network's threads to its team, the
 *   smaller networks in turn;
 * - triage by intent, keywords, patterns, sentiment and business hours (tags and priorities; most
 *   messages match one or more), complaints spread over the team in turn, praise with thanks liked.
 * Three only suggest. None deletes or replies on its own: the bench's comments must stay at the sim
 * for the later measurements, and the sync pages through them.
 */
function benchRules(world: BenchWorld): RuleInput[] {
  const [agentA, agentB] = world.agentIds;
  const rule = (name: string, mode: RuleInput['mode'], stopAfter: boolean, conditions: RuleCondition[], actions: RuleAction[]): RuleInput => ({
    name,
    enabled: true,
    mode,
    stopAfter,
    conditions,
    actions,
  });
  const assign = (userId: string | undefined): RuleAction[] => (userId ? [{ type: 'assign', userId }] : [{ type: 'assignRoundRobin' }]);
  return [
    // Moderation.
    rule('Spam ausblenden', 'auto', true, [{ type: 'spam' }], [{ type: 'hide' }, { type: 'tags', tags: ['spam'] }, { type: 'markHandled' }]),
    rule(
      'Scam phrases (suggest delete)',
      'suggest',
      true,
      [{ type: 'regex', pattern: '(?:verdiene|make)\\s+\\S{1,6}\\s+(?:am|a)\\s+(?:tag|day)' }],
      [{ type: 'delete' }],
    ),
    rule('Blocked authors', 'auto', true, [{ type: 'author', list: 'block', authors: ['@spam_bot_24', 'gewinn_jetzt', 'free_prize_de'] }], [{ type: 'hide' }]),
    rule(
      'Links von Erstkommentierenden',
      'auto',
      true,
      [comment, { type: 'link' }, { type: 'firstTime' }],
      [{ type: 'hide' }, { type: 'tags', tags: ['link'] }],
    ),
    // Routing by network.
    rule('Facebook → Social-Team', 'auto', false, [{ type: 'network', networks: ['facebook'] }], assign(agentA)),
    rule('Instagram → Social-Team', 'auto', false, [{ type: 'network', networks: ['instagram'] }], assign(agentB)),
    rule(
      'X, LinkedIn, YouTube, XING reihum',
      'auto',
      false,
      [{ type: 'network', networks: ['x', 'linkedin', 'youtube', 'xing'] }],
      [{ type: 'assignRoundRobin' }],
    ),
    // Triage.
    rule(
      'Kaufabsicht',
      'auto',
      false,
      [{ type: 'intent', intents: ['purchase_intent'] }],
      [
        { type: 'tags', tags: ['kauf'] },
        { type: 'priority', priority: 1 },
      ],
    ),
    rule(
      'Reklamation / complaint',
      'auto',
      false,
      [{ type: 'intent', intents: ['complaint_support'] }],
      [{ type: 'tags', tags: ['reklamation'] }, { type: 'priority', priority: 2 }, { type: 'assignRoundRobin' }],
    ),
    rule('Rabattfrage', 'auto', false, [{ type: 'intent', intents: ['discount_request'] }], [{ type: 'tags', tags: ['rabatt'] }]),
    rule('Produktfrage', 'auto', false, [{ type: 'intent', intents: ['product_question'] }], [{ type: 'tags', tags: ['produktfrage'] }]),
    rule('Lob', 'auto', false, [{ type: 'intent', intents: ['praise'] }], [{ type: 'tags', tags: ['lob'] }]),
    rule(
      'Dringend / urgent',
      'auto',
      false,
      [{ type: 'keywords', words: ['dringend', 'sofort', 'bitte melden', 'urgent', 'asap', 'get back to me'] }],
      [{ type: 'priority', priority: 3 }],
    ),
    rule(
      'Bestellnummer / order number',
      'auto',
      false,
      [{ type: 'regex', pattern: '(?:bestellung|paket|order|parcel)\\s+#\\d{6}\\b' }],
      [{ type: 'tags', tags: ['bestellung'] }],
    ),
    rule('Negative Stimmung', 'auto', false, [{ type: 'sentiment', below: -0.4 }], [{ type: 'priority', priority: 2 }]),
    rule(
      'Versand / shipping',
      'auto',
      false,
      [{ type: 'keywords', words: ['Versand', 'Lieferung', 'lieferbar', 'shipping', 'delivery', 'in stock'] }],
      [{ type: 'tags', tags: ['versand'] }],
    ),
    rule(
      'Lob mit Dank liken',
      'auto',
      false,
      [
        { type: 'intent', intents: ['praise'] },
        { type: 'keywords', words: ['danke', 'thank you'] },
      ],
      [{ type: 'like' }],
    ),
    rule('Außerhalb der Geschäftszeiten', 'auto', false, [{ type: 'outsideHours' }], [{ type: 'tags', tags: ['nach-feierabend'] }]),
    rule('Neue Kommentierende', 'suggest', false, [comment, { type: 'firstTime' }], [{ type: 'tags', tags: ['neu'] }]),
    rule('Direktnachrichten priorisieren', 'suggest', false, [{ type: 'kind', kinds: ['direct'] }], [{ type: 'priority', priority: 1 }]),
  ];
}

/**
 * Puts `count` enabled rules in the bench workspace (the twenty above, then again with numbered
 * names), each checked by the contract's validateRule as the API checks an admin's rule.
 */
export async function createBenchRules(ds: DataSource, world: BenchWorld, count: number): Promise<number> {
  if (count <= 0) return 0;
  const base = benchRules(world);
  const rules = Array.from({ length: Math.min(count, RULE_LIMITS.rules) }, (_, i) => {
    const r = base[i % base.length];
    return i < base.length ? r : { ...r, name: `${r.name} (${Math.floor(i / base.length) + 1})` };
  });
  for (const r of rules) {
    const problem = validateRule(r);
    if (problem) throw new Error(`bench: rule "${r.name}" is not valid: ${problem.path}: ${problem.message}`);
  }
  const inserted = await insertBenchRules.run(
    { workspaceId: world.workspaceId, rules: JSON.stringify(rules.map((r, i) => ({ position: i + 1, ...r }))) },
    sqlClient(ds),
  );
  return inserted.length;
}

/** What the rules did on the measured channel (read after the pipeline, outside the clock). */
export async function ruleOutcomes(ds: DataSource, workspaceId: string, channelId: string): Promise<BenchRuleNumbers> {
  const [row] = await benchRuleOutcomes.run({ workspaceId, channelId }, sqlClient(ds));
  const actions = (row?.actions ?? {}) as Record<string, number>;
  return {
    active: row?.active ?? 0,
    matched: row?.matched ?? 0,
    suggested: row?.suggested ?? 0,
    actions,
    actionsTotal: Object.values(actions).reduce((a, b) => a + b, 0),
    moderationDoneAtEnd: row?.moderationDone ?? 0,
  };
}
