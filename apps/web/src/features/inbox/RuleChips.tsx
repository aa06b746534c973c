import { Badge, Button, Group, Text } from '@mantine/core';
import type { RuleAction } from '@resonance/contracts';
import { useErrorText } from '../../shared/api/error-text';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { notify } from '../../shared/ui/feedback';
import { useRuleActivity, useRuleDecision } from './rule-activity';

/** An action in words: "Hide the comment", "Set priority: Urgent", "Add tags: spam". */
function useActionText(): (a: RuleAction) => string {
  const { t } = useI18n();
  return (a) => {
    const name = t(`rules.action.${a.type}`);
    if (a.type === 'priority') return `${name}: ${t(`priority.${a.priority === 1 || a.priority === 2 || a.priority === 3 ? a.priority : 0}`)}`;
    if (a.type === 'tags') return `${name}: ${a.tags.join(', ')}`;
    return name;
  };
}

/**
 * Under a message: a pending suggestion of a rule with one-click Accept and Dismiss, and each
 * action a rule took on its own ("Hide the comment by rule X") with Undo where it can be undone.
 */
export function RuleChips({ threadId, messageId, canAct }: { threadId: string; messageId: string; canAct: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const activity = useRuleActivity(threadId);
  const decide = useRuleDecision(threadId);
  const actionText = useActionText();
  const suggestions = activity.data?.suggestions.filter((s) => s.messageId === messageId && s.state === 'pending') ?? [];
  const runs = activity.data?.runs.filter((r) => r.messageId === messageId) ?? [];
  if (!suggestions.length && !runs.length) return null;
  const act = (kind: 'accept' | 'dismiss' | 'undo', id: string) => decide.mutate({ kind, id }, { onError: (e) => notify(errorText(e), 'error') });
  return (
    <Group gap={4} mt={4} wrap="wrap" data-testid="rule-chips">
      {suggestions.map((s) => (
        <Group key={s.id} gap={4} wrap="wrap" data-testid="rule-suggestion">
          <Badge size="sm" variant="light" color="blue.9" style={{ textTransform: 'none', whiteSpace: 'normal', height: 'auto' }}>
            {t('rules.suggestion', { rule: s.ruleName, action: actionText(s.action) })}
          </Badge>
          {canAct && (
            <>
              <Button size="compact-xs" onClick={() => act('accept', s.id)} loading={decide.isPending} data-testid="rule-accept">
                {t('rules.accept')}
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => act('dismiss', s.id)} disabled={decide.isPending}>
                {t('rules.dismiss')}
              </Button>
            </>
          )}
        </Group>
      ))}
      {runs.map((r) => (
        <Group key={r.id} gap={4} wrap="wrap" data-testid="rule-run">
          <Text size="xs" c="dimmed">
            {t('rules.byRule', { rule: r.ruleName, action: actionText(r.action) })}
            {r.undoneBy && ` · ${t('rules.undone', { name: r.undoneBy.name })}`}
            {!r.undoneAt && !r.undoable && ` · ${t('rules.notUndoable')}`}
          </Text>
          {canAct && r.undoable && (
            <Button size="compact-xs" variant="default" onClick={() => act('undo', r.id)} loading={decide.isPending} data-testid="rule-undo">
              {t('rules.undo')}
            </Button>
          )}
        </Group>
      ))}
    </Group>
  );
}
