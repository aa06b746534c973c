import { useState } from 'react';
import { Badge, Button, Group, Modal, Text } from '@mantine/core';
import type { MessageItem, ModerationAction, Network } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useModerateMessage } from './moderate-message';

/**
 * Like, hide and delete under a customer's comment, where its network allows them (`allowed`).
 * Delete asks first. A queued action shows until the worker is done; a failure shows its reason.
 */
export function MessageActions({ message, network, allowed }: { message: MessageItem; network: Network; allowed: readonly ModerationAction[] }) {
  const { t } = useI18n();
  const moderate = useModerateMessage();
  const [confirmDelete, setConfirmDelete] = useState(false);
  if (message.deleted || !allowed.length) return null;
  const pending = message.lastAction?.state === 'queued' || moderate.isPending;
  const run = (action: ModerationAction) => moderate.mutate({ threadId: message.threadId, messageId: message.id, action });
  const can = (action: ModerationAction) => allowed.includes(action);
  const like: ModerationAction = message.liked ? 'unlike' : 'like';
  const hide: ModerationAction = message.hidden ? 'unhide' : 'hide';
  const failed = message.lastAction?.state === 'failed' ? message.lastAction : null;

  return (
    <>
      <Group gap={4} mt={4} data-testid="message-actions" title={t('inbox.handledHint')}>
        {can(like) && (
          <Button size="compact-xs" variant={message.liked ? 'light' : 'subtle'} disabled={pending} onClick={() => run(like)} data-testid={`action-${like}`}>
            {t(`inbox.${like}`)}
          </Button>
        )}
        {can(hide) && (
          <Button size="compact-xs" variant="subtle" color="gray" disabled={pending} onClick={() => run(hide)} data-testid={`action-${hide}`}>
            {t(`inbox.${hide}`)}
          </Button>
        )}
        {can('delete') && (
          <Button size="compact-xs" variant="subtle" color="red" disabled={pending} onClick={() => setConfirmDelete(true)} data-testid="action-delete">
            {t('inbox.delete')}
          </Button>
        )}
        {message.liked && (
          <Badge size="xs" color="pink" variant="light">
            {t('inbox.liked')}
          </Badge>
        )}
        {pending && (
          <Text size="xs" c="dimmed" data-testid="action-state" data-state="queued">
            {t('inbox.actionQueued')}
          </Text>
        )}
        {!pending && (failed !== null || moderate.isError) && (
          <Text size="xs" c="red" role="alert" data-testid="action-state" data-state="failed">
            {t('inbox.actionFailed', {
              action: t(`inbox.${failed?.action ?? moderate.variables?.action ?? 'like'}`),
              reason: moderate.isError ? moderate.error.message : (failed?.error ?? ''),
            })}
          </Text>
        )}
      </Group>
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t('inbox.deleteConfirmTitle')} centered>
        <Text size="sm" mb="md">
          {t('inbox.deleteConfirm', { network: t(`network.${network}`) })}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setConfirmDelete(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirmDelete(false);
              run('delete');
            }}
            data-testid="confirm-delete"
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
