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
 * Twenty rules as a shop's admins would write them for its German and English audience (the
 * sim's vocabulary: apps/sim/src/generator/vocabulary.ts): spam and scams first (stop after),
 * then routing and triage by keywords, patterns, intent, sentiment, first-time commenters and
 * business hours; five only suggest. None deletes or replies on its own: the bench's comments
 * must stay at the sim for the later measurements, and the sync pages through them.
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
  return [
    rule('Spam ausblenden', 'auto', true, [{ type: 'spam' }], [{ type: 'hide' }, { type: 'tags', tags: ['spam'] }, { type: 'markHandled' }]),
    rule(
      'Scam phrases (suggest delete)',
      'suggest',
      true,
      [{ type: 'regex', pattern: '(?:verdiene|make)\\s+\\S{1,6}\\s+(?:am|a)\\s+(?:tag|day)' }],
      [{ type: 'delete' }],
    ),
    rule('Blocked authors', 'auto', true, [{ type: 'author', list: 'block', authors: ['@spam_bot_24', 'gewinn_jetzt', 'free_prize_de'] }], [{ type: 'hide' }]),
    rule('Links von Erstkommentierenden', 'suggest', false, [comment, { type: 'link' }, { type: 'firstTime' }], [{ type: 'hide' }]),
    rule(
      'Dringend / urgent',
      'auto',
      false,
      [{ type: 'keywords', words: ['dringend', 'sofort', 'bitte melden', 'urgent', 'asap', 'get back to me'] }],
      [{ type: 'priority', priority: 3 }],
    ),
    rule(
      'Beschwerde Lieferung (de)',
      'auto',
      false,
      [{ type: 'keywords', words: ['nicht angekommen', 'ist aber nicht da', 'Rückerstattung', 'kaputt', 'umtauschen', 'Garantie'] }],
      [{ type: 'priority', priority: 2 }, { type: 'assignRoundRobin' }, { type: 'tags', tags: ['beschwerde'] }],
    ),
    rule(
      'Complaint delivery (en)',
      'auto',
      false,
      [{ type: 'keywords', words: ['not arrived', 'not here', 'refund', 'broke', 'wrong size', 'warranty'] }],
      [{ type: 'priority', priority: 2 }, { type: 'assignRoundRobin' }, { type: 'tags', tags: ['complaint'] }],
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
      'Rabatt / discount',
      'auto',
      false,
      [{ type: 'keywords', words: ['Rabatt', 'Rabattcode', 'Gutschein', 'Sale', 'Black Friday', 'discount', 'coupon', 'deal'] }],
      [{ type: 'tags', tags: ['deal'] }],
    ),
    rule(
      'Kaufabsicht',
      'auto',
      false,
      [{ type: 'intent', intents: ['purchase_intent'] }],
      [...(agentA ? [{ type: 'assign' as const, userId: agentA }] : []), { type: 'priority', priority: 1 }],
    ),
    rule('Produktfrage verteilen', 'suggest', false, [comment, { type: 'intent', intents: ['product_question'] }], [{ type: 'assignRoundRobin' }]),
    rule(
      'Lob liken',
      'auto',
      false,
      [
        { type: 'intent', intents: ['praise'] },
        { type: 'keywords', words: ['danke', 'empfehlenswert', 'thank you', 'recommend'] },
      ],
      [{ type: 'like' }],
    ),
    rule(
      'Dank erledigt',
      'auto',
      false,
      [
        { type: 'intent', intents: ['praise'] },
        { type: 'keywords', words: ['danke', 'thank you'] },
      ],
      [{ type: 'markHandled' }],
    ),
    rule('Außerhalb der Geschäftszeiten', 'auto', false, [{ type: 'outsideHours' }], [{ type: 'tags', tags: ['nach-feierabend'] }]),
    rule('Neue Kommentierende', 'suggest', false, [comment, { type: 'firstTime' }], [{ type: 'tags', tags: ['neu'] }]),
    rule(
      'Versand / shipping',
      'auto',
      false,
      [{ type: 'keywords', words: ['Versand', 'Lieferung', 'lieferbar', 'shipping', 'delivery', 'in stock'] }],
      [{ type: 'tags', tags: ['versand'] }],
    ),
    rule(
      'Garantie außer VIP',
      'auto',
      true,
      [
        { type: 'author', list: 'allow', authors: ['vip_kundin', 'press_office'] },
        { type: 'keywords', words: ['Garantie', 'warranty'] },
      ],
      [...(agentB ? [{ type: 'assign' as const, userId: agentB }] : []), { type: 'priority', priority: 2 }],
    ),
    rule(
      'X-Erwähnungen',
      'auto',
      false,
      [
        { type: 'network', networks: ['x'] },
        { type: 'kind', kinds: ['mention'] },
      ],
      [{ type: 'assignRoundRobin' }],
    ),
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
