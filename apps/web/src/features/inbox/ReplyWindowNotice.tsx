import { Alert, Text } from '@mantine/core';
import type { ThreadDetail } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';

/**
 * Why the composer is disabled before anyone types: the network's messaging window as the API
 * reports it for the thread (ThreadDetail.replyWindow: Instagram and Messenger direct messages,
 * 24 hours, or 7 days where the workspace has Meta's HUMAN_AGENT approval) — the dashboard keeps
 * no list of networks of its own. Nothing while the window is open.
 */
export function ReplyWindowNotice({ thread }: { thread: ThreadDetail }) {
  const { t, formatRelative, formatDateTime } = useI18n();
  const window = thread.replyWindow;
  if (!window?.closed) return null;
  const network = t(`network.${thread.network}`);
  const text =
    window.closesAt === null
      ? t('window.noInbound', { network })
      : t(window.humanAgent ? 'window.closedHumanAgent' : 'window.closed', {
          network,
          hours: window.hours,
          time: formatRelative(window.closesAt),
        });
  return (
    <Alert color="orange" variant="light" p="xs" role="status" data-testid="reply-window">
      <Text size="xs" title={window.closesAt ? formatDateTime(window.closesAt) : undefined}>
        {text}
      </Text>
    </Alert>
  );
}
