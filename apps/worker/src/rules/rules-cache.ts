import type { DataSource } from 'typeorm';
import { isOneOf, isValidRule, RULE_MODES } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import { compileRule, type CompiledRule } from './rule-matcher';
import { enabledRules, ruleSetVersion } from './rules.queries';

/** How long a workspace's rules are used before their version is read again (0: every batch). */
export const RULES_RECHECK_MS = 1000;
/** Workspaces whose compiled rules are kept. */
const MAX_WORKSPACES = 5_000;

interface Entry {
  version: string | null;
  checkedAt: number;
  rules: CompiledRule[];
}

/**
 * Each workspace's enabled rules, compiled once (rule-matcher.ts) and kept until their version
 * changes: rule_set.version is bumped by a trigger on every change of a rule. A batch reads that
 * one primary-key row at most once per RULES_RECHECK_MS and workspace (never per message); the
 * rules themselves are read only after a change. The read runs beside the batch's classification
 * (IngestStore), so it adds no wait to the ingest. A change therefore applies to what is ingested
 * from at most RULES_RECHECK_MS after it was saved.
 */
export class RulesCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<CompiledRule[]>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly recheckMs = RULES_RECHECK_MS,
  ) {}

  rulesOf(workspaceId: string): Promise<CompiledRule[]> {
    const entry = this.entries.get(workspaceId);
    if (entry && Date.now() - entry.checkedAt < this.recheckMs) return Promise.resolve(entry.rules);
    const pending = this.loading.get(workspaceId);
    if (pending) return pending;
    const load = this.refresh(workspaceId, entry).finally(() => this.loading.delete(workspaceId));
    this.loading.set(workspaceId, load);
    return load;
  }

  private async refresh(workspaceId: string, entry: Entry | undefined): Promise<CompiledRule[]> {
    const checkedAt = Date.now();
    const db = sqlClient(this.dataSource);
    const [row] = await ruleSetVersion.run({ workspaceId }, db);
    const version = row ? row.version : null;
    if (entry?.version === version) {
      entry.checkedAt = checkedAt;
      return entry.rules;
    }
    const rules = version === null ? [] : (await enabledRules.run({ workspaceId }, db)).flatMap(toCompiledRule);
    if (this.entries.size >= MAX_WORKSPACES) this.entries.clear();
    this.entries.set(workspaceId, { version, checkedAt, rules });
    return rules;
  }
}

/** A stored rule, compiled; one that no longer passes the contract's checks (a schema drift) is skipped, not fatal to the ingest. */
function toCompiledRule(row: {
  id: string;
  name: string;
  mode: string;
  stopAfter: boolean;
  enabled: boolean;
  conditions: unknown;
  actions: unknown;
}): CompiledRule[] {
  const input = { name: row.name, enabled: row.enabled, mode: row.mode, stopAfter: row.stopAfter, conditions: row.conditions, actions: row.actions };
  if (!isValidRule(input) || !isOneOf(RULE_MODES, input.mode)) return [];
  return [compileRule({ id: row.id, name: input.name, mode: input.mode, stopAfter: input.stopAfter, conditions: input.conditions, actions: input.actions })];
}
