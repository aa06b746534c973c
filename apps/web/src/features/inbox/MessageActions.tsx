import { useState } from 'react';
import { Badge, Button, Group, Modal, Text } from '@mantine/core';
import { isOneOf, MODERATION_ACTIONS, type MessageItem, type ModerationAction, type Network } from '@resonance/contracts';
import { useErrorText } from '../../shared/api/error-text';
import type { MessageKey } from '../../shared/i18n/dictionary';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useModerateMessage } from './moderate-message';

/** The words of the confirmation each irreversible action asks first. */
const CONFIRM = {
  delete: { title: 'inbox.deleteConfirmTitle', body: 'inbox.deleteConfirm', button: 'common.delete' },
  ban: { title: 'inbox.banConfirmTitle', body: 'inbox.banConfirm', button: 'inbox.banConfirmButton' },
  block: { title: 'inbox.blockConfirmTitle', body: 'inbox.blockConfirm', button: 'inbox.blockConfirmButton' },
} as const satisfies Record<string, { title: MessageKey; body: MessageKey; button: MessageKey }>;

/**
 * The moderation actions the API says the message's network allows on it now (message.actions:
 * by network, who wrote it, where it is and its state) — the dashboard keeps no list of its own.
 * Delete, ban and block ask first. A queued action shows until the worker is done; a failure shows why.
 */
export function MessageActions({ message, network }: { message: MessageItem; network: Network }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const moderate = useModerateMessage();
  const [confirm, setConfirm] = useState<'delete' | 'ban' | 'block' | null>(null);
  // private_reply is the composer's (Composer.tsx), not a moderation button.
  const allowed = message.actions.filter((a): a is ModerationAction => isOneOf(MODERATION_ACTIONS, a));
  if (message.deleted || !allowed.length) return null;
  const ours = message.isFromAccount || message.direction === 'outbound';
  const pending = message.lastAction?.state === 'queued' || moderate.isPending;
  const run = (action: ModerationAction) => moderate.mutate({ threadId: message.threadId, messageId: message.id, action });
  const can = (action: ModerationAction) => allowed.includes(action);
  const like: ModerationAction = message.liked ? 'unlike' : 'like';
  const hide: ModerationAction = message.hidden && !message.heldForReview ? 'unhide' : 'hide';
  // A comment held for review (YouTube): published is unhide, rejected is hide, rejected with banAuthor is ban.
  const held = message.heldForReview;
  const failed = message.lastAction?.state === 'failed' ? message.lastAction : null;

  return (
    <>
      <Group gap={4} mt={4} data-testid="message-actions" title={t('inbox.handledHint')}>
        {can(like) && (
          <Button size="compact-xs" variant={message.liked ? 'light' : 'subtle'} disabled={pending} onClick={() => run(like)} data-testid={`action-${like}`}>
            {t(`inbox.${like}`)}
          </Button>
        )}
        {held && can('unhide') && (
          <Button size="compact-xs" variant="light" color="green" disabled={pending} onClick={() => run('unhide')} data-testid="action-publish">
            {t('held.publish')}
          </Button>
        )}
        {can(hide) && (
          <Button size="compact-xs" variant="subtle" color="gray" disabled={pending} onClick={() => run(hide)} data-testid={`action-${hide}`}>
            {held ? t('held.reject') : t(`inbox.${hide}`)}
          </Button>
        )}
        {can('ban') && (
          <Button size="compact-xs" variant="subtle" color="orange" disabled={pending} onClick={() => setConfirm('ban')} data-testid="action-ban">
            {held ? t('held.rejectAndBan') : t('inbox.ban')}
          </Button>
        )}
        {can('block') && (
          <Button size="compact-xs" variant="subtle" color="orange" disabled={pending} onClick={() => setConfirm('block')} data-testid="action-block">
            {t('inbox.block')}
          </Button>
        )}
        {can('delete') && (
          <Button size="compact-xs" variant="subtle" color="red" disabled={pending} onClick={() => setConfirm('delete')} data-testid="action-delete">
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
              reason: moderate.isError ? errorText(moderate.error) : t(`deliveryError.${failed?.errorCode ?? 'UNKNOWN'}`),
            })}
          </Text>
        )}
      </Group>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t(CONFIRM[confirm ?? 'delete'].title)} centered>
        <Text size="sm" mb="md">
          {t(confirm === 'delete' && ours ? 'inbox.deleteOwnConfirm' : CONFIRM[confirm ?? 'delete'].body, { network: t(`network.${network}`) })}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setConfirm(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              const action = confirm;
              setConfirm(null);
              if (action) run(action);
            }}
            data-testid={`confirm-${confirm ?? 'delete'}`}
          >
            {t(CONFIRM[confirm ?? 'delete'].button)}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
