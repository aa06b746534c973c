import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { RuleWire } from '@resonance/contracts';
import { useErrorText } from '../../shared/api/error-text';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { ConfirmDialog, notify } from '../../shared/ui/feedback';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { RuleEditor } from './RuleEditor';
import { useDeleteRule, useReorderRules, useRules } from './rules';

/** Admin → Rules: the rules in evaluation order (move up/down), their mode and counts; create, edit, delete. */
export function RulesTab() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const rules = useRules();
  const reorder = useReorderRules();
  const remove = useDeleteRule();
  const [editing, setEditing] = useState<RuleWire | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RuleWire | null>(null);
  if (rules.isPending) return <LoadingState />;
  if (rules.isError) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} path="/api/rules" />;
  const items = rules.data.items;
  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((r) => r.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    reorder.mutate(ids, { onError: (e) => notify(errorText(e), 'error') });
  };
  return (
    <Stack maw={760} data-testid="rules-tab">
      <Text size="sm">{t('rules.intro')}</Text>
      {editing ? (
        <RuleEditor rule={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <Group>
          <Button size="xs" onClick={() => setEditing('new')} data-testid="rule-new">
            {t('rules.new')}
          </Button>
        </Group>
      )}
      {!items.length && <EmptyState>{t('rules.empty')}</EmptyState>}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((r, i) => (
          <Card key={r.id} withBorder p="xs" component="li" data-testid="rule-row" aria-label={r.name}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" c="dimmed">
                    {i + 1}.
                  </Text>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {r.name}
                  </Text>
                  <Badge size="xs" color={r.mode === 'auto' ? 'grape.9' : 'blue.9'} data-testid="rule-mode">
                    {t(`rules.mode.${r.mode}`)}
                  </Badge>
                  {!r.enabled && (
                    <Badge size="xs" color="gray.8">
                      {t('rules.disabled')}
                    </Badge>
                  )}
                  {r.stopAfter && (
                    <Badge size="xs" variant="outline" color="gray.8">
                      {t('rules.stops')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" data-testid="rule-counts">
                  {t('rules.counts', { matched: r.matchedCount, suggested: r.suggestedCount, accepted: r.acceptedCount })}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" disabled={i === 0} aria-label={t('rules.moveUp', { name: r.name })} onClick={() => move(i, -1)}>
                  ↑
                </ActionIcon>
                <ActionIcon variant="subtle" disabled={i === items.length - 1} aria-label={t('rules.moveDown', { name: r.name })} onClick={() => move(i, 1)}>
                  ↓
                </ActionIcon>
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)} data-testid="rule-edit">
                  {t('rules.edit')}
                </Button>
                <Button size="compact-xs" variant="subtle" color="red.9" c="red.9" onClick={() => setDeleting(r)}>
                  {t('rules.delete')}
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('rules.deleteConfirmTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('rules.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onError: (e) => notify(errorText(e), 'error') });
          setDeleting(null);
        }}
      >
        {t('rules.deleteConfirm')}
      </ConfirmDialog>
    </Stack>
  );
}
