import { useEffect, useEffectEvent, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Badge, Box, Button, Checkbox, Group, Text, UnstyledButton } from '@mantine/core';
import type { ThreadItem } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { usePersonName } from '../../shared/person-name';
import { useNow } from '../../shared/time/use-now';
import { NetworkIcon } from '../../shared/ui/NetworkIcon';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import type { useThreadList } from './list-threads';
import { SlaDueBadge } from './SlaDueBadge';
import { PRIORITY_COLORS, PRIORITY_KEYS } from './triage-words';
import type { ThreadSelection } from './use-thread-selection';

const ROW_HEIGHT = 76;

export function ThreadList({
  query,
  threads,
  selectedId,
  onSelect,
  selection,
}: {
  query: ReturnType<typeof useThreadList>;
  threads: ThreadItem[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** Threads picked for a bulk change (checkbox, shift-click ranges). */
  selection?: ThreadSelection;
}) {
  const { t } = useI18n();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: threads.length + (query.hasNextPage ? 1 : 0),
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();

  // Paged loading: the next page is fetched when its placeholder row scrolls into view.
  const lastIndex = items.at(-1)?.index;
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (lastIndex !== undefined && lastIndex >= threads.length - 1 && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [lastIndex, threads.length, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  // Keep the selected row in view when moving with J/K.
  // Only a new selection scrolls; threads arriving live must not pull the list back to it.
  const scrollTo = useEffectEvent((id: string | undefined) => {
    const index = threads.findIndex((th) => th.id === id);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  });
  useEffect(() => {
    scrollTo(selectedId);
  }, [selectedId]);

  if (query.isPending) return <LoadingState />;
  if (query.isError && !threads.length) return <ErrorState error={query.error} onRetry={() => void query.refetch()} path="/api/threads" />;
  if (!threads.length) return <EmptyState>{t('inbox.empty')}</EmptyState>;

  return (
    <Box ref={parentRef} style={{ flex: 1, overflowY: 'auto', contain: 'strict' }} data-testid="thread-list">
      <div
        role="listbox"
        aria-label={t('inbox.threads')}
        aria-multiselectable={selection ? true : undefined}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((row) => {
          const thread = threads[row.index];
          return (
            // Measured, not fixed: on a phone a row's badges can take a second line.
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
            >
              {thread ? (
                <ThreadRow
                  thread={thread}
                  selected={thread.id === selectedId}
                  onSelect={() => onSelect(thread.id)}
                  picked={selection?.has(thread.id)}
                  onPick={selection && ((range) => selection.toggle(thread.id, range))}
                />
              ) : (
                <Group justify="center" p="xs">
                  {query.isError ? (
                    <Button size="xs" variant="light" onClick={() => void query.fetchNextPage()}>
                      {t('common.retry')}
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('common.loading')}
                    </Text>
                  )}
                </Group>
              )}
            </div>
          );
        })}
      </div>
    </Box>
  );
}

function ThreadRow({
  thread,
  selected,
  onSelect,
  picked,
  onPick,
}: {
  thread: ThreadItem;
  selected: boolean;
  onSelect: () => void;
  picked?: boolean;
  onPick?: (range: boolean) => void;
}) {
  const { t, formatRelative, formatDuration } = useI18n();
  const now = useNow();
  const nameOf = usePersonName();
  const who = nameOf(thread.contact, thread.network);
  return (
    <UnstyledButton
      role="option"
      aria-selected={selected}
      // The bulk pick is the option's checked state (X, or the box); the box itself is not a
      // second focusable control inside the option.
      aria-checked={onPick ? !!picked : undefined}
      data-picked={picked ? 'true' : undefined}
      onClick={(e) => {
        if (onPick && (e.shiftKey || e.ctrlKey || e.metaKey)) onPick(e.shiftKey);
        else onSelect();
      }}
      data-testid="thread-row"
      data-thread-id={thread.id}
      w="100%"
      mih={ROW_HEIGHT}
      px="sm"
      py={6}
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: selected ? 'var(--mantine-color-indigo-0)' : undefined,
        borderLeft: selected ? '3px solid var(--mantine-color-indigo-6)' : '3px solid transparent',
      }}
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        {onPick && (
          <Box
            component="span"
            title={t('triage.select')}
            onClick={(e) => {
              e.stopPropagation();
              onPick(e.shiftKey);
            }}
            style={{ padding: 2, margin: -2, cursor: 'pointer' }}
            data-testid="thread-pick"
          >
            <Checkbox.Indicator checked={!!picked} size="xs" aria-hidden />
          </Box>
        )}
        <NetworkIcon network={thread.network} />
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="sm" fw={thread.unreadCount ? 700 : 500} truncate>
              {who}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatRelative(thread.lastMessageAt, now)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" truncate>
            {thread.lastMessagePreview}
          </Text>
          {/* Badges wrap to a second line on a phone rather than cut "waiting for …" short. */}
          <Group gap={4} mt={2} wrap="wrap">
            <Badge
              size="xs"
              variant="light"
              color={thread.status === 'open' ? 'blue' : thread.status === 'pending' ? 'yellow' : 'gray'}
              style={{ flexShrink: 0 }}
            >
              {t(`status.${thread.status}`)}
            </Badge>
            <SlaDueBadge thread={thread} />
            {thread.waitingSince && thread.status !== 'closed' && (
              <Badge size="xs" variant="outline" color="orange" style={{ flexShrink: 0 }}>
                {t('inbox.waitingFor', { time: formatDuration((now - new Date(thread.waitingSince).getTime()) / 1000) })}
              </Badge>
            )}
            {thread.unreadCount > 0 && (
              <Badge size="xs" color="indigo" aria-label={t('inbox.unread', { count: thread.unreadCount })}>
                {thread.unreadCount}
              </Badge>
            )}
            {thread.priority > 0 && (
              <Badge size="xs" variant="light" color={PRIORITY_COLORS[thread.priority] ?? 'gray'} data-testid="row-priority">
                {t(PRIORITY_KEYS[thread.priority] ?? 'triage.priority.0')}
              </Badge>
            )}
            {thread.tags.slice(0, 2).map((tag) => (
              <Badge key={tag} size="xs" variant="outline" color="gray" tt="none" data-testid="row-tag">
                {tag}
              </Badge>
            ))}
            {thread.assignee && (
              <Text size="xs" c="dimmed" truncate>
                → {thread.assignee.name}
              </Text>
            )}
          </Group>
        </Box>
      </Group>
    </UnstyledButton>
  );
}
