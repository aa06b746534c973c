import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isValidRule, RULE_LIMITS, RULE_MODES, toIso, unfilledVariables, validateRule, type RuleInput, type RuleWire } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { oneOf } from '../common/narrow';
import { RulesRepository, type RuleRow } from './rules.repository';

/** A refusal the dashboard words by its code (RuleProblem), with the place in the rule it concerns. */
export function ruleRefusal(code: 'RULE_INVALID' | 'RULE_REGEX_UNSAFE' | 'RULE_REPLY_NOT_ALLOWED', path: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', code, path, message });
}

/** A stored rule as the wire has it; a row the contract no longer accepts is schema drift and throws. */
export function toRuleWire(row: RuleRow): RuleWire {
  const input = { name: row.name, enabled: row.enabled, mode: row.mode, stopAfter: row.stopAfter, conditions: row.conditions, actions: row.actions };
  if (!isValidRule(input)) throw new Error(`rule ${row.id} holds conditions or actions the contract does not accept`);
  return {
    id: row.id,
    position: row.position,
    name: input.name,
    enabled: input.enabled,
    mode: oneOf(RULE_MODES, input.mode, 'rule.mode'),
    stopAfter: input.stopAfter,
    conditions: input.conditions,
    actions: input.actions,
    matchedCount: Number(row.matchedCount),
    suggestedCount: Number(row.suggestedCount),
    acceptedCount: Number(row.acceptedCount),
    updatedAt: toIso(row.updatedAt),
  };
}

/**
 * The workspace's rules (admins change them; docs/rules.md). Every change bumps the workspace's
 * rule_set version (a trigger), which the worker's cache reads; every change is audited.
 */
@Injectable()
export class RulesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RulesRepository) private readonly rules: RulesRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<RuleWire[]> {
    return (await this.rules.list(user.workspaceId)).map(toRuleWire);
  }

  async create(user: AuthUser, input: RuleInput): Promise<RuleWire> {
    await this.check(user, input);
    const id = await this.dataSource.transaction(async (tx) => {
      if ((await this.rules.count(user.workspaceId, tx)) >= RULE_LIMITS.rules) {
        throw ruleRefusal('RULE_INVALID', '', `a workspace has at most ${RULE_LIMITS.rules} rules`);
      }
      const created = await this.rules.insert(user.workspaceId, input, tx);
      await this.record(user, 'rule.create', created, { name: input.name, mode: input.mode }, tx);
      return created;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, input: RuleInput): Promise<RuleWire> {
    await this.check(user, input);
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.rules.update(user.workspaceId, id, input, tx))) throw new NotFoundException(`rule ${id} not found`);
      await this.record(user, 'rule.update', id, { name: input.name, mode: input.mode, enabled: input.enabled }, tx);
    });
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.rules.remove(user.workspaceId, id, tx))) throw new NotFoundException(`rule ${id} not found`);
      await this.record(user, 'rule.delete', id, {}, tx);
    });
  }

  async reorder(user: AuthUser, ids: string[]): Promise<RuleWire[]> {
    await this.dataSource.transaction(async (tx) => {
      const current = (await this.rules.list(user.workspaceId, tx)).map((r) => r.id);
      const given = new Set(ids);
      if (given.size !== ids.length || ids.length !== current.length || current.some((id) => !given.has(id))) {
        throw ruleRefusal('RULE_INVALID', 'ids', `give every rule id of the workspace once (${current.length} rules)`);
      }
      await this.rules.reorder(user.workspaceId, ids, tx);
      await this.record(user, 'rule.reorder', null, { ids }, tx);
    });
    return this.list(user);
  }

  private async get(user: AuthUser, id: string): Promise<RuleWire> {
    const row = await this.rules.byId(user.workspaceId, id);
    if (!row) throw new NotFoundException(`rule ${id} not found`);
    return toRuleWire(row);
  }

  /** The contract's checks, then what only the database knows: the agent exists, the canned response exists and needs no variables. */
  private async check(user: AuthUser, input: RuleInput): Promise<void> {
    const problem = validateRule(input);
    if (problem) throw ruleRefusal(problem.code, problem.path, problem.message);
    for (const [i, action] of input.actions.entries()) {
      if (action.type === 'assign' && !(await this.rules.isAssignable(user.workspaceId, action.userId.toLowerCase()))) {
        throw ruleRefusal('RULE_INVALID', `actions.${i}.userId`, `user ${action.userId} is not an active agent or admin of this workspace`);
      }
      if (action.type === 'reply') {
        const text = await this.rules.cannedText(user.workspaceId, action.cannedResponseId.toLowerCase());
        if (text === undefined) throw ruleRefusal('RULE_INVALID', `actions.${i}.cannedResponseId`, `canned response ${action.cannedResponseId} not found`);
        // Nobody reads an automatic reply before it goes out, so nothing in it may be left to fill in.
        if (text.includes('{{') || unfilledVariables(text).length) {
          throw ruleRefusal('RULE_INVALID', `actions.${i}.cannedResponseId`, 'a rule replies only with a canned response without {{variables}}');
        }
      }
    }
  }

  private record(
    user: AuthUser,
    action: string,
    ruleId: string | null,
    data: Record<string, unknown>,
    tx: Parameters<AuditService['record']>[1],
  ): Promise<void> {
    return this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action, targetType: 'rule', targetId: ruleId, data }, tx);
  }
}
