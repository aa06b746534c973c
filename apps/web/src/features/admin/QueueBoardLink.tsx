import { Anchor, Stack, Text } from '@mantine/core';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useQueueBoardAccess } from './queue-board';

/**
 * A link to bull-board, for the admins the api lets in. A plain link, not a route of the
 * dashboard: the board is its own page served by the api, so the browser loads it in full.
 * Nothing shows while the answer is pending or when the board is off; it is a tool, not a task.
 */
export function QueueBoardLink() {
  const { t } = useI18n();
  const access = useQueueBoardAccess();
  if (!access.data?.available) return null;
  return (
    <Stack gap={2} mb="md">
      <Anchor href={access.data.path} size="sm" fw={500} data-testid="queue-board-link">
        {t('admin.queueBoard')}
      </Anchor>
      {/* gray.7, not "dimmed" (gray.6, 3.3:1 on white): small text needs 4.5:1 (WCAG 2.1 AA). */}
      <Text size="xs" c="gray.7">
        {t('admin.queueBoardHint')}
      </Text>
    </Stack>
  );
}
