import { Text } from '@mantine/core';
import type { MessageItem } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';

const COLOR = { queued: 'dark.6', sending: 'blue.9', sent: 'teal.9', failed: 'red.8' } as const;

/**
 * What the reply the agent just sent is doing, as its live `message.updated` events say: queued →
 * sending → sent, or failed with the reason in the UI's language (the Retry is on the message).
 */
export function ReplyProgress({ reply }: { reply: MessageItem }) {
  const { t } = useI18n();
  const state = reply.delivery ?? 'queued';
  const text = state === 'failed' ? t('replyState.failed', { reason: t(`deliveryError.${reply.deliveryErrorCode ?? 'UNKNOWN'}`) }) : t(`replyState.${state}`);
  return (
    <Text size="xs" c={COLOR[state]} role="status" aria-live="polite" data-testid="reply-progress" data-state={state}>
      {text}
    </Text>
  );
}
