import { useState } from 'react';
import { Badge, Button, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useHiddenByRules } from './rule-activity';

/** "Hidden by rules": what rules hid and nobody undid, so nothing disappears unseen; each opens its thread (where Undo is). */
export function HiddenByRules() {
  const { t, formatDateTime } = useI18n();
  const [opened, setOpened] = useState(false);
  const hidden = useHiddenByRules(opened);
  const items = hidden.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)} data-testid="hidden-by-rules">
        {t('rules.hiddenView')}
      </Button>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('rules.hiddenTitle')}
        position="right"
        size="min(100%, 440px)"
        closeButtonProps={{ 'aria-label': t('feedback.close') }}
      >
        {hidden.isPending ? (
          <LoadingState />
        ) : hidden.isError ? (
          <ErrorState error={hidden.error} onRetry={() => void hidden.refetch()} path="/api/rules/hidden" />
        ) : !items.length ? (
          <EmptyState>{t('rules.hiddenEmpty')}</EmptyState>
        ) : (
          <Stack gap="xs" data-testid="hidden-list">
            {items.map((h) => (
              <Paper key={h.runId} withBorder p="xs" data-testid="hidden-item">
                <Group gap={6} mb={2} wrap="wrap">
                  <Text size="xs" fw={600}>
                    {h.authorName ?? t('common.none')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(h.createdAt)}
                  </Text>
                  {!h.hidden && (
                    <Badge size="xs" color="gray.8">
                      {t('rules.hiddenPending')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                  {h.text}
                </Text>
                <Group justify="space-between" mt={4} wrap="wrap">
                  <Text size="xs" c="dimmed">
                    {t('rules.byRule', { rule: h.ruleName, action: t('rules.action.hide') })}
                  </Text>
                  <Button size="compact-xs" variant="default" component={Link} to={`/inbox/${h.threadId}`} onClick={() => setOpened(false)}>
                    {t('rules.open')}
                  </Button>
                </Group>
              </Paper>
            ))}
            {hidden.hasNextPage && (
              <Button size="xs" variant="light" loading={hidden.isFetchingNextPage} onClick={() => void hidden.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            )}
          </Stack>
        )}
      </Drawer>
    </>
  );
}
