import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Badge, Box, Button, Group, Paper, Text } from '@mantine/core';
import type { MessageItem, Network } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import type { useMessages } from './list-messages';
import { DeliveryStatus } from './DeliveryStatus';
import { LabelBadges } from './LabelBadges';
import { SpamBadge } from './SpamBadge';
import { MessageActions } from './MessageActions';
import { PrivateReplyBadge } from './PrivateReplyBadge';
import { usePersonName } from '../../shared/person-name';
import { RuleChips } from './RuleChips';

/** The reply chain, virtualised so a thread of thousands of messages scrolls smoothly; pages load on demand. */
export function MessageList({
  query,
  messages,
  network,
  canModerate = false,
}: {
  query: ReturnType<typeof useMessages>;
  messages: MessageItem[];
  network?: Network;
  /** Whether the viewer may moderate (agents and admins; each message says which actions its network allows now). */
  canModerate?: boolean;
}) {
  const { t } = useI18n();
  const parentRef = useRef<HTMLDivElement>(null);
  const byExternalId = useMemo(() => new Map(messages.flatMap((m) => (m.externalId ? [[m.externalId, m] as const] : []))), [messages]);
  const rootId = messages[0]?.externalId ?? null;
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => 90,
    overscan: 6,
  });

  // Start at the newest message, and follow new ones when already at the bottom.
  const count = messages.length;
  const stick = useRef(true);
  useEffect(() => {
    if (count && stick.current) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, virtualizer]);

  if (query.isPending) return <LoadingState />;
  if (query.isError && !messages.length) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!messages.length) return <EmptyState>{t('inbox.noMessages')}</EmptyState>;

  return (
    <Box
      ref={parentRef}
      style={{ flex: 1, overflowY: 'auto' }}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
      data-testid="message-list"
      aria-live="polite"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const message = messages[row.index];
          const parent = message.parentExternalId && message.parentExternalId !== rootId ? byExternalId.get(message.parentExternalId) : undefined;
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
            >
              <MessageBubble message={message} indent={!!parent} parentName={parent?.author?.name ?? null} network={network} canModerate={canModerate} />
            </div>
          );
        })}
      </div>
      {query.hasNextPage && (
        <Group justify="center" p="xs">
          <Button size="xs" variant="light" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Box>
  );
}

function MessageBubble({
  message,
  indent,
  parentName,
  network,
  canModerate,
}: {
  message: MessageItem;
  indent: boolean;
  parentName: string | null;
  network?: Network;
  canModerate: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  const nameOf = usePersonName();
  const ours = message.isFromAccount || message.direction === 'outbound';
  const author =
    message.author?.type === 'user'
      ? `${message.author.name ?? t('inbox.you')} · ${t('inbox.account')}`
      : ours
        ? t('inbox.account')
        : network
          ? nameOf(message.author, network)
          : (message.author?.name ?? message.author?.handle ?? t('common.none'));
  return (
    <Box px="md" py={6} pl={indent ? 48 : 'md'} style={{ display: 'flex', justifyContent: ours ? 'flex-end' : 'flex-start' }}>
      <Paper
        withBorder
        p="xs"
        maw="80%"
        bg={ours ? 'indigo.0' : 'white'}
        data-testid="message"
        data-direction={message.direction}
        // A dashed border (and the Hidden/Deleted badge) marks it: dimming the whole message would put its text and controls below 4.5:1.
        style={message.deleted || message.hidden ? { borderStyle: 'dashed' } : undefined}
      >
        <Group gap={6} mb={2}>
          <Text size="xs" fw={600}>
            {author}
          </Text>
          {parentName && (
            <Text size="xs" c="dimmed">
              ↳ {parentName}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(message.createdAt)}
          </Text>
        </Group>
        {/* Customer text is rendered as text, never as HTML. */}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} td={message.deleted ? 'line-through' : undefined}>
          {message.text}
        </Text>
        <Group gap={4} mt={4} wrap="wrap">
          <DeliveryStatus message={message} />
          {!ours && <LabelBadges message={message} />}
          {!ours && <SpamBadge message={message} />}
          {message.heldForReview ? (
            <Badge size="xs" color="yellow" data-testid="held-badge">
              {t('held.badge')}
            </Badge>
          ) : (
            message.hidden && (
              <Badge size="xs" color="gray">
                {t('inbox.hidden')}
              </Badge>
            )
          )}
          {message.deleted && (
            <Badge size="xs" color="gray">
              {t('inbox.deleted')}
            </Badge>
          )}
        </Group>
        {!ours && <RuleChips threadId={message.threadId} messageId={message.id} canAct={canModerate} />}
        <PrivateReplyBadge message={message} />
        {canModerate && network && <MessageActions message={message} network={network} />}
      </Paper>
    </Box>
  );
}
