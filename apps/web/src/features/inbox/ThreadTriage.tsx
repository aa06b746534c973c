import { Group, Select, TagsInput, Text } from '@mantine/core';
import type { ThreadDetail } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { PRIORITY_KEYS, triageErrorKey } from './triage-words';
import { useWorkspaceTags } from './triage-api';
import { useUpdateThread } from './update-thread';

/** Focus targets of the P and T shortcuts (InboxPage). */
export const PRIORITY_INPUT_ID = 'thread-priority';
export const TAGS_INPUT_ID = 'thread-tags';

/** The thread's priority (a select) and tags (typed, with the workspace's tags as suggestions); each change saved at once. */
export function ThreadTriage({ thread }: { thread: ThreadDetail }) {
  const { t } = useI18n();
  const update = useUpdateThread(thread.id);
  const tags = useWorkspaceTags();
  return (
    <>
      <Group gap={6} mt={6} wrap="wrap" align="flex-start">
        <Select
          id={PRIORITY_INPUT_ID}
          size="xs"
          w={150}
          aria-label={`${t('triage.priority')} (P)`}
          data={PRIORITY_KEYS.map((key, p) => ({ value: String(p), label: t(key) }))}
          value={String(thread.priority)}
          onChange={(p) => p !== null && update.mutate({ kind: 'priority', priority: Number(p) })}
          allowDeselect={false}
          data-testid="priority-select"
        />
        <TagsInput
          id={TAGS_INPUT_ID}
          size="xs"
          style={{ flex: '1 1 200px', minWidth: 0 }}
          aria-label={`${t('triage.tags')} (T)`}
          placeholder={t('triage.tags.placeholder')}
          data={(tags.data ?? []).map((x) => x.tag)}
          value={thread.tags}
          maxTags={20}
          onChange={(next) => update.mutate({ kind: 'tags', tags: next.map((x) => x.trim().slice(0, 50)).filter(Boolean) })}
          clearable
          data-testid="tags-input"
        />
      </Group>
      {update.isError && (
        <Text size="xs" c="red.8" role="alert" data-testid="triage-error">
          {t(triageErrorKey(update.error))}
        </Text>
      )}
    </>
  );
}
