import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  isRuleAction,
  RULE_SUGGESTION_STATES,
  toIso,
  toIsoOrNull,
  type HiddenByRulesPage,
  type RuleAction,
  type RuleRunWire,
  type ThreadRuleActivity,
} from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { isJsonObject } from '@resonance/db';
import { oneOf } from '../common/narrow';
import { MessageActionsService } from '../messages/message-actions.service';
import { RepliesService } from '../replies/replies.service';
import { ThreadsService } from '../threads/threads.service';
import { RulesRepository, type ThreadRunRow } from './rules.repository';

/** Actions whose effect stays: a deleted comment is gone from the network, a sent reply has been read. */
const NOT_UNDOABLE: ReadonlySet<RuleAction['type']> = new Set(['delete', 'reply']);

function actionOf(value: unknown, what: string): RuleAction {
  if (!isRuleAction(value)) throw new Error(`${what} holds an action the contract does not accept`);
  return value;
}

function toRunWire(row: ThreadRunRow): RuleRunWire {
  const action = actionOf(row.action, `rule_run ${row.id}`);
  return {
    id: row.id,
    messageId: row.messageId,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    action,
    undoable: !NOT_UNDOABLE.has(action.type) && row.undoneAt === null,
    undoneAt: toIsoOrNull(row.undoneAt),
    undoneBy: row.undoneById !== null && row.undoneByName !== null ? { id: row.undoneById, name: row.undoneByName } : null,
    createdAt: toIso(row.createdAt),
  };
}

/**
 * What rules did and proposed in the inbox: a thread's suggestions and automatic actions, accepting
 * (through the same services an agent's click goes through: moderation exactly once by the outbound
 * worker, triage audited) or dismissing a suggestion, undoing an automatic action, and the
 * "hidden by rules" list.
 */
@Injectable()
export class RuleActivityService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RulesRepository) private readonly rules: RulesRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MessageActionsService) private readonly moderation: MessageActionsService,
    @Inject(ThreadsService) private readonly threads: ThreadsService,
    @Inject(RepliesService) private readonly replies: RepliesService,
  ) {}

  async ofThread(user: AuthUser, threadId: string): Promise<ThreadRuleActivity> {
    await this.threads.requireInWorkspace(user, threadId);
    const [suggestions, runs] = await Promise.all([
      this.rules.threadSuggestions(user.workspaceId, threadId),
      this.rules.threadRuns(user.workspaceId, threadId),
    ]);
    return {
      suggestions: suggestions.map((s) => ({
        id: s.id,
        messageId: s.messageId,
        ruleId: s.ruleId,
        ruleName: s.ruleName,
        action: actionOf(s.action, `rule_suggestion ${s.id}`),
        state: oneOf(RULE_SUGGESTION_STATES, s.state, 'rule_suggestion.state'),
        createdAt: toIso(s.createdAt),
      })),
      runs: runs.map(toRunWire),
    };
  }

  /** Runs the suggested action as the user, then counts the accept for its rule; a suggestion decided already is left as it is. */
  async accept(user: AuthUser, id: string): Promise<ThreadRuleActivity> {
    const suggestion = await this.rules.suggestion(user.workspaceId, id);
    if (!suggestion) throw new NotFoundException(`suggestion ${id} not found`);
    if (suggestion.state === 'pending') {
      await this.perform(user, suggestion.ruleId, suggestion.messageId, suggestion.threadId, actionOf(suggestion.action, `rule_suggestion ${id}`));
      if (await this.rules.decide(user.workspaceId, id, user.id, 'accepted')) {
        await this.audit.record({
          workspaceId: user.workspaceId,
          actorUserId: user.id,
          action: 'rule.suggestion.accept',
          targetType: 'thread',
          targetId: suggestion.threadId,
          data: { suggestionId: id, ruleId: suggestion.ruleId, messageId: suggestion.messageId, action: suggestion.action },
        });
      }
    }
    return this.ofThread(user, suggestion.threadId);
  }

  async dismiss(user: AuthUser, id: string): Promise<ThreadRuleActivity> {
    const suggestion = await this.rules.suggestion(user.workspaceId, id);
    if (!suggestion) throw new NotFoundException(`suggestion ${id} not found`);
    await this.rules.decide(user.workspaceId, id, user.id, 'dismissed');
    return this.ofThread(user, suggestion.threadId);
  }

  /**
   * Undoes an automatic action: an unhide or unlike queued as the user's (performed by the outbound
   * worker), the priority, assignee or status it replaced restored, the tags it added removed.
   * A delete or a reply cannot be undone (409 RULE_UNDO_IMPOSSIBLE).
   */
  async undo(user: AuthUser, id: string): Promise<ThreadRuleActivity> {
    const run = await this.dataSource.transaction((tx) => this.rules.lockRun(user.workspaceId, id, tx));
    if (!run) throw new NotFoundException(`rule action ${id} not found`);
    const action = actionOf(run.action, `rule_run ${id}`);
    if (NOT_UNDOABLE.has(action.type)) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        code: 'RULE_UNDO_IMPOSSIBLE',
        message: action.type === 'delete' ? 'a deleted comment cannot be brought back: the network has removed it' : 'a sent reply cannot be taken back',
      });
    }
    if (run.undoneAt === null) {
      await this.revert(user, run.messageId, run.threadId, action, isJsonObject(run.previous) ? run.previous : {});
      await this.dataSource.transaction(async (tx) => {
        if (!(await this.rules.markUndone(user.workspaceId, id, user.id, tx))) return;
        await this.audit.record(
          {
            workspaceId: user.workspaceId,
            actorUserId: user.id,
            action: 'rule.undo',
            targetType: 'thread',
            targetId: run.threadId,
            data: { ruleRunId: id, ruleId: run.ruleId, ruleName: run.ruleName, messageId: run.messageId, action: run.action },
          },
          tx,
        );
      });
    }
    return this.ofThread(user, run.threadId);
  }

  async hidden(user: AuthUser, cursor: string | undefined, limit = 50): Promise<HiddenByRulesPage> {
    const rows = await this.rules.hidden(user.workspaceId, cursor ?? null, limit + 1);
    const items = rows.slice(0, limit).map((r) => ({
      runId: r.runId,
      messageId: r.messageId,
      threadId: r.threadId,
      ruleId: r.ruleId,
      ruleName: r.ruleName,
      network: r.network,
      text: r.text,
      authorName: r.authorName ?? r.authorHandle,
      hidden: r.hidden,
      createdAt: toIso(r.createdAt),
    }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? last.runId : null };
  }

  private async perform(user: AuthUser, ruleId: string | null, messageId: string, threadId: string, action: RuleAction): Promise<void> {
    switch (action.type) {
      case 'hide':
      case 'delete':
      case 'like':
        await this.moderation.request(user, messageId, action.type);
        return;
      case 'priority':
        await this.threads.update(user, threadId, { priority: action.priority });
        return;
      case 'tags': {
        const { tags } = await this.threads.get(user, threadId);
        await this.threads.update(user, threadId, { tags: [...new Set([...tags, ...action.tags])] });
        return;
      }
      case 'assign':
        await this.threads.update(user, threadId, { assigneeId: action.userId });
        return;
      case 'assignRoundRobin': {
        const agent = ruleId === null ? undefined : await this.rules.takeTurn(user.workspaceId, ruleId);
        await this.threads.update(user, threadId, { assigneeId: agent ?? user.id });
        return;
      }
      case 'markHandled':
        await this.threads.update(user, threadId, { status: 'closed' });
        return;
      case 'reply': {
        const text = await this.rules.cannedText(user.workspaceId, action.cannedResponseId);
        if (text === undefined) throw new NotFoundException(`canned response ${action.cannedResponseId} no longer exists`);
        await this.replies.reply(user, threadId, { text });
        return;
      }
    }
  }

  private async revert(user: AuthUser, messageId: string, threadId: string, action: RuleAction, previous: Record<string, unknown>): Promise<void> {
    switch (action.type) {
      case 'hide':
        await this.moderation.request(user, messageId, 'unhide');
        return;
      case 'like':
        await this.moderation.request(user, messageId, 'unlike');
        return;
      case 'priority':
        if (typeof previous.priority === 'number') await this.threads.update(user, threadId, { priority: previous.priority });
        return;
      case 'tags': {
        const added = Array.isArray(previous.addedTags) ? previous.addedTags.filter((t): t is string => typeof t === 'string') : [];
        const { tags } = await this.threads.get(user, threadId);
        if (tags.some((t) => added.includes(t))) await this.threads.update(user, threadId, { tags: tags.filter((t) => !added.includes(t)) });
        return;
      }
      case 'assign':
      case 'assignRoundRobin':
        await this.threads.update(user, threadId, { assigneeId: typeof previous.assigneeId === 'string' ? previous.assigneeId : null });
        return;
      case 'markHandled':
        if (previous.status === 'open' || previous.status === 'pending') await this.threads.update(user, threadId, { status: previous.status });
        return;
      case 'delete':
      case 'reply':
        return;
    }
  }
}
