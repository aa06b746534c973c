import { useEffect, useState } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import { OUTBOUND_RECOVERY_AFTER_MS, type MessageItem } from '@resonance/contracts';
import { ApiError } from '../../shared/api/http';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useRetryReply } from './retry-reply';

const DELIVERY_COLOR = { queued: 'gray', sending: 'blue', sent: 'teal', failed: 'red' } as const;

/** Whether a reply written at `createdAt` is past the recovery bound; turns true by itself when it passes. */
function useOverdue(createdAt: string, pending: boolean): boolean {
  const dueAt = new Date(createdAt).getTime() + OUTBOUND_RECOVERY_AFTER_MS;
  // The clock as last read; a timer reads it again when the bound passes. It never runs ahead of
  // the real time, so `now >= dueAt` is never true too early.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, dueAt - Date.now()));
    return () => clearTimeout(timer);
  }, [dueAt, pending]);
  return pending && now >= dueAt;
}

/**
 * Where a reply written in Resonance stands, and what it is waiting for: queued (for the send
 * queue), waiting for the network (being sent), delivered, or failed with the reason. A reply not
 * delivered OUTBOUND_RECOVERY_AFTER_MS after it was written says since when it waits and offers a
 * retry (the server never sends it twice), as does a failed one.
 */
export function DeliveryStatus({ message }: { message: MessageItem }) {
  const { t, formatDateTime } = useI18n();
  const retry = useRetryReply();
  const delivery = message.delivery;
  const pending = delivery === 'queued' || delivery === 'sending';
  const overdue = useOverdue(message.createdAt, pending);
  if (!delivery) return null;
  const since = formatDateTime(message.createdAt, { hour: '2-digit', minute: '2-digit' });
  const retryable = message.author?.type === 'user' && !message.externalId && (delivery === 'failed' || overdue);
  return (
    <>
      <Badge size="xs" variant="light" color={DELIVERY_COLOR[delivery]} data-testid="delivery-state" data-state={delivery}>
        {t(`delivery.${delivery}`)}
      </Badge>
      {delivery === 'failed' && (
        // The reason in the UI's language, from its code; the network's own text stays in the log.
        <Text size="xs" c="red.8" data-testid="delivery-reason" data-code={message.deliveryErrorCode ?? 'UNKNOWN'}>
          {t(`deliveryError.${message.deliveryErrorCode ?? 'UNKNOWN'}`)}
        </Text>
      )}
      {overdue && (
        <Text size="xs" c="dimmed" data-testid="delivery-waiting">
          {t(delivery === 'sending' ? 'delivery.sendingSince' : 'delivery.queuedSince', { time: since })}
        </Text>
      )}
      {retryable && (
        <Group gap={4}>
          <Button
            size="compact-xs"
            variant="light"
            loading={retry.isPending}
            onClick={() => retry.mutate({ threadId: message.threadId, messageId: message.id })}
            data-testid="delivery-retry"
          >
            {t('delivery.retry')}
          </Button>
          {retry.isError && (
            <Text size="xs" c="red.8" role="alert">
              {t(retry.error instanceof ApiError && retry.error.status === 409 ? 'retry.notRetryable' : 'retry.unavailable')}
            </Text>
          )}
        </Group>
      )}
    </>
  );
}
