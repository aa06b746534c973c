import { forwardRef, useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Box, Button, Group, Paper, Select, Text, Title } from '@mantine/core';
import type { PresenceEntry } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { usePersonName } from '../../shared/person-name';
import { canWriteInbox, useSessionUser } from '../../shared/session/session';
import { NetworkIcon } from '../../shared/ui/NetworkIcon';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { Composer, type ComposerHandle } from './Composer';
import { MessageList } from './MessageList';
import { useThread } from './get-thread';
import { useAssignees } from './list-assignees';
import { useMessages } from './list-messages';
import { useMarkRead } from './mark-read';
import { useSetPresence } from './set-presence';
import { ThreadTriage } from './ThreadTriage';
import { useCloseThread } from './inbox-flow';
import { useUpdateThread } from './update-thread';
import { PRESENCE_KEY } from './use-live-events';
import { SlaDueBadge } from './SlaDueBadge';
import { errorMessageKey } from '../../shared/api/error-text';

export const Conversation = forwardRef<ComposerHandle, { threadId: string }>(function Conversation({ threadId }, composerRef) {
  const { t, formatDateTime } = useI18n();
  const nameOf = usePersonName();
  const user = useSessionUser();
  const thread = useThread(threadId);
  const messagesQuery = useMessages(threadId);
  const messages = useMemo(() => messagesQuery.data?.pages.flatMap((p) => p.items) ?? [], [messagesQuery.data]);
  const update = useUpdateThread(threadId);
  const closing = useCloseThread(threadId);
  const assignees = useAssignees();
  // mutate() is stable across renders (the mutation result object is not): effects depend on it.
  const { mutate: markRead } = useMarkRead();
  const { mutate: sendPresence } = useSetPresence();
  const writer = canWriteInbox(user.role);

  // Say "viewing" while open (renewed every 10 s), "left" when leaving; mark read on open.
  const exists = !!thread.data;
  useEffect(() => {
    if (!exists) return;
    const send = (state: 'viewing' | 'left') => sendPresence({ threadId, state });
    send('viewing');
    const timer = setInterval(() => send('viewing'), 10_000);
    return () => {
      clearInterval(timer);
      send('left');
    };
  }, [threadId, exists, sendPresence]);
  const unread = thread.data?.unreadCount ?? 0;
  useEffect(() => {
    if (writer && unread > 0) markRead(threadId);
  }, [threadId, unread, writer, markRead]);

  const { data: allPresence = [] } = useQuery<PresenceEntry[]>({
    queryKey: PRESENCE_KEY,
    queryFn: () => [],
    staleTime: Infinity,
    refetchInterval: 5000,
    select: (p) => p,
  });
  const others = allPresence.filter((p) => p.threadId === threadId && p.user.id !== user.id && new Date(p.expiresAt).getTime() > Date.now());
  const typing = others.filter((p) => p.state === 'typing').map((p) => p.user.name);
  const viewing = others.filter((p) => p.state === 'viewing').map((p) => p.user.name);

  if (thread.isPending) return <LoadingState />;
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;
  const th = thread.data;
  const who = nameOf(th.contact, th.network);

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }} data-testid="conversation">
      <Box p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" gap="xs">
          {/* On a phone the status badges move below the name instead of cutting it short. */}
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0, flex: '1 1 220px' }}>
            <NetworkIcon network={th.network} size={24} />
            {/* The name is never cut: it wraps (a long name fills its own line, the badges move below). */}
            <Box style={{ minWidth: 0, flex: '1 1 180px' }}>
              <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }}>
                {who}
              </Title>
              <Text size="xs" c="dimmed" truncate>
                {t(`channel.${th.kind}`)} · {th.channel.displayName}
              </Text>
            </Box>
            <Badge
              variant="light"
              color={th.status === 'open' ? 'blue' : th.status === 'pending' ? 'yellow' : 'gray'}
              data-testid="thread-status"
              style={{ flexShrink: 0 }}
            >
              {t(`status.${th.status}`)}
            </Badge>
            <SlaDueBadge thread={th} size="sm" />
          </Group>
          {writer && (
            <Group gap={6} style={{ flex: '0 1 auto' }}>
              <Select
                size="xs"
                w={170}
                aria-label={t('inbox.assign')}
                placeholder={t('inbox.assign')}
                clearable
                data={(assignees.data ?? (th.assignee ? [{ id: th.assignee.id, name: th.assignee.name }] : [{ id: user.id, name: user.name }])).map((u) => ({
                  value: u.id,
                  label: u.id === user.id ? `${u.name} (${t('inbox.assignee.me')})` : u.name,
                }))}
                value={th.assignee?.id ?? null}
                onChange={(id) => update.mutate({ kind: 'assign', assigneeId: id })}
                data-testid="assign-select"
              />
              {th.status === 'closed' ? (
                <Button size="xs" variant="light" onClick={() => update.mutate({ kind: 'status', status: 'open' })} data-testid="reopen" title="O">
                  {t('inbox.reopen')}
                </Button>
              ) : (
                <>
                  {th.status === 'open' && (
                    <Button size="xs" variant="default" onClick={() => update.mutate({ kind: 'status', status: 'pending' })}>
                      {t('inbox.markPending')}
                    </Button>
                  )}
                  <Button size="xs" variant="light" color="teal" onClick={closing.close} loading={closing.isPending} data-testid="close" title="E">
                    {t('inbox.close')}
                  </Button>
                </>
              )}
            </Group>
          )}
        </Group>
        {writer && <ThreadTriage thread={th} />}
        {update.isError && (
          <Text size="xs" c="red" role="alert">
            {t(errorMessageKey(update.error))}
          </Text>
        )}
        {(viewing.length > 0 || typing.length > 0) && (
          <Text size="xs" c="orange" mt={4} data-testid="presence">
            {typing.length ? t('inbox.typing', { names: typing.join(', ') }) : t('inbox.viewing', { names: viewing.join(', ') })}
          </Text>
        )}
      </Box>
      {th.post && (
        <Paper m="sm" mb={0} p="xs" withBorder bg="gray.0" data-testid="thread-post">
          <Text size="xs" fw={600} c="dimmed">
            {t('inbox.onPost')}
            {th.post.publishedAt ? ` · ${formatDateTime(th.post.publishedAt)}` : ''}
          </Text>
          <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
            {th.post.text}
          </Text>
          {th.post.url && (
            <Anchor size="xs" href={th.post.url} target="_blank" rel="noopener noreferrer">
              {t('inbox.openOnNetwork', { network: t(`network.${th.network}`) })}
            </Anchor>
          )}
        </Paper>
      )}
      {writer && th.kind === 'comment' && messages.some((m) => m.moderationUnavailable) && (
        <Text size="xs" c="dimmed" px="sm" pt={4} data-testid="moderation-none">
          {t('inbox.moderationNone', { network: t(`network.${th.network}`) })}
        </Text>
      )}
      <MessageList query={messagesQuery} messages={messages} network={th.network} canModerate={writer} />
      {writer ? (
        <Composer ref={composerRef} thread={th} messages={messages} />
      ) : (
        <Alert m="sm" variant="light" color="gray">
          {t('inbox.readOnly')}
        </Alert>
      )}
    </Box>
  );
});
