import { useState } from 'react';
import { Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { THREAD_STATUSES, type BulkUpdateThreadsRequest } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useSessionUser } from '../../shared/session/session';
import { useAssignees } from './list-assignees';
import { PRIORITY_KEYS } from './triage-words';
import { triageErrorKey } from './triage-words';
import { useBulkUpdate } from './triage-api';
import type { ThreadSelection } from './use-thread-selection';

const UNASSIGN = '__nobody__';

/**
 * While threads are picked: one change for all of them (assignee, status, priority, a tag) in one
 * request (POST /api/threads/bulk). The selection clears when it worked; the others see the
 * change through the live events.
 */
export function BulkBar({ selection }: { selection: ThreadSelection }) {
  const { t } = useI18n();
  const user = useSessionUser();
  const assignees = useAssignees();
  const bulk = useBulkUpdate();
  const [tag, setTag] = useState('');
  const [done, setDone] = useState<number | null>(null);
  if (!selection.ids.length && done === null) return null;

  const apply = (change: Omit<BulkUpdateThreadsRequest, 'threadIds'>) => {
    const count = selection.ids.length;
    bulk.mutate(
      { threadIds: selection.ids, ...change },
      {
        onSuccess: () => {
          selection.clear();
          setTag('');
          setDone(count);
        },
      },
    );
  };

  return (
    <Paper mx="xs" mb={6} p={6} withBorder bg="indigo.0" role="region" aria-label={t('triage.bulk.label')} data-testid="bulk-bar">
      {selection.ids.length > 0 ? (
        <>
          <Group justify="space-between" gap={6} mb={4}>
            <Text size="xs" fw={700} data-testid="bulk-count">
              {t('triage.bulk.selected', { count: selection.ids.length })}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => selection.clear()}>
              {t('triage.bulk.clear')}
            </Button>
          </Group>
          <Group gap={4} grow>
            <Select
              size="xs"
              aria-label={t('triage.bulk.assign')}
              placeholder={t('triage.bulk.assign')}
              searchable
              data={[
                { value: UNASSIGN, label: t('triage.bulk.unassign') },
                ...(assignees.data ?? [{ id: user.id, name: user.name }]).map((u) => ({
                  value: u.id,
                  label: u.id === user.id ? `${u.name} (${t('inbox.assignee.me')})` : u.name,
                })),
              ]}
              value={null}
              onChange={(id) => id && apply({ assigneeId: id === UNASSIGN ? null : id })}
              data-testid="bulk-assign"
            />
            <Select
              size="xs"
              aria-label={t('triage.bulk.status')}
              placeholder={t('triage.bulk.status')}
              data={THREAD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={null}
              onChange={(s) => {
                const status = THREAD_STATUSES.find((x) => x === s);
                if (status) apply({ status });
              }}
              data-testid="bulk-status"
            />
          </Group>
          <Group gap={4} grow mt={4}>
            <Select
              size="xs"
              aria-label={t('triage.bulk.priority')}
              placeholder={t('triage.bulk.priority')}
              data={PRIORITY_KEYS.map((key, p) => ({ value: String(p), label: t(key) }))}
              value={null}
              onChange={(p) => p !== null && apply({ priority: Number(p) })}
              data-testid="bulk-priority"
            />
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (tag.trim()) apply({ addTags: [tag.trim()] });
              }}
            >
              <TextInput
                size="xs"
                aria-label={t('triage.bulk.addTag')}
                placeholder={t('triage.bulk.addTag')}
                value={tag}
                maxLength={50}
                onChange={(e) => setTag(e.currentTarget.value)}
                data-testid="bulk-tag"
              />
            </form>
          </Group>
        </>
      ) : (
        <Group justify="space-between" gap={6}>
          <Text size="xs" role="status" data-testid="bulk-done">
            {t('triage.bulk.done', { count: done ?? 0 })}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => setDone(null)} aria-label={t('common.cancel')}>
            ×
          </Button>
        </Group>
      )}
      {bulk.isError && (
        <Text size="xs" c="red.8" role="alert" data-testid="bulk-error">
          {t(triageErrorKey(bulk.error))}
        </Text>
      )}
    </Paper>
  );
}
