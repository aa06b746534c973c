import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import {
  assignableAgent,
  cannedResponseText,
  countRules,
  decideSuggestion,
  deleteRule,
  hiddenByRules,
  insertRule,
  listRules,
  markRunUndone,
  reorderRules,
  ruleById,
  runById,
  suggestionById,
  takeRoundRobinTurn,
  threadRuns,
  threadSuggestions,
  updateRule,
  type IHiddenByRulesResult,
  type IListRulesResult,
  type IRunByIdResult,
  type ISuggestionByIdResult,
  type IThreadRunsResult,
  type IThreadSuggestionsResult,
} from './rules.queries';
import type { RuleInput } from '@resonance/contracts';

export type RuleRow = IListRulesResult;
export type SuggestionRow = ISuggestionByIdResult;
export type RunRow = IRunByIdResult;
export type ThreadSuggestionRow = IThreadSuggestionsResult;
export type ThreadRunRow = IThreadRunsResult;
export type HiddenRow = IHiddenByRulesResult;

const ruleParams = (workspaceId: string, input: RuleInput) => ({
  workspaceId,
  name: input.name.trim(),
  enabled: input.enabled,
  mode: input.mode,
  stopAfter: input.stopAfter,
  conditions: JSON.stringify(input.conditions),
  actions: JSON.stringify(input.actions),
});

@Injectable()
export class RulesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  list(workspaceId: string, db: Queryable = this.dataSource): Promise<RuleRow[]> {
    return listRules.run({ workspaceId }, sqlClient(db));
  }

  async byId(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<RuleRow | undefined> {
    return (await ruleById.run({ workspaceId, id }, sqlClient(db)))[0];
  }

  async count(workspaceId: string, db: Queryable = this.dataSource): Promise<number> {
    return (await countRules.run({ workspaceId }, sqlClient(db)))[0]?.count ?? 0;
  }

  async insert(workspaceId: string, input: RuleInput, db: Queryable): Promise<string> {
    const [row] = await insertRule.run(ruleParams(workspaceId, input), sqlClient(db));
    if (!row) throw new Error('the rule was not inserted');
    return row.id;
  }

  async update(workspaceId: string, id: string, input: RuleInput, db: Queryable): Promise<boolean> {
    return (await updateRule.run({ ...ruleParams(workspaceId, input), id }, sqlClient(db))).length > 0;
  }

  async remove(workspaceId: string, id: string, db: Queryable): Promise<boolean> {
    return (await deleteRule.run({ workspaceId, id }, sqlClient(db))).length > 0;
  }

  async reorder(workspaceId: string, ids: string[], db: Queryable): Promise<void> {
    await reorderRules.run({ workspaceId, ids }, sqlClient(db));
  }

  async cannedText(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    return (await cannedResponseText.run({ workspaceId, id }, sqlClient(db)))[0]?.text;
  }

  async isAssignable(workspaceId: string, userId: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await assignableAgent.run({ workspaceId, userId }, sqlClient(db))).length > 0;
  }

  async takeTurn(workspaceId: string, ruleId: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    return (await takeRoundRobinTurn.run({ workspaceId, ruleId }, sqlClient(db)))[0]?.id;
  }

  threadSuggestions(workspaceId: string, threadId: string): Promise<ThreadSuggestionRow[]> {
    return threadSuggestions.run({ workspaceId, threadId }, sqlClient(this.dataSource));
  }

  threadRuns(workspaceId: string, threadId: string): Promise<ThreadRunRow[]> {
    return threadRuns.run({ workspaceId, threadId }, sqlClient(this.dataSource));
  }

  async suggestion(workspaceId: string, id: string): Promise<SuggestionRow | undefined> {
    return (await suggestionById.run({ workspaceId, id }, sqlClient(this.dataSource)))[0];
  }

  /** False when the suggestion was decided already. */
  async decide(workspaceId: string, id: string, userId: string, state: 'accepted' | 'dismissed'): Promise<boolean> {
    return (await decideSuggestion.run({ workspaceId, id, userId, state }, sqlClient(this.dataSource))).length > 0;
  }

  async lockRun(workspaceId: string, id: string, db: Queryable): Promise<RunRow | undefined> {
    return (await runById.run({ workspaceId, id }, sqlClient(db)))[0];
  }

  async markUndone(workspaceId: string, id: string, userId: string, db: Queryable): Promise<boolean> {
    return (await markRunUndone.run({ workspaceId, id, userId }, sqlClient(db))).length > 0;
  }

  hidden(workspaceId: string, beforeId: string | null, limit: number): Promise<HiddenRow[]> {
    return hiddenByRules.run({ workspaceId, beforeId, limit }, sqlClient(this.dataSource));
  }
}
