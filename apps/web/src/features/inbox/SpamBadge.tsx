import { Badge } from '@mantine/core';
import type { MessageItem } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';

/** "Possible spam: …" with the ingest's reasons in the user's words (MessageItem.spamReasons); nothing without reasons. */
export function SpamBadge({ message }: { message: MessageItem }) {
  const { t } = useI18n();
  if (!message.spamReasons.length) return null;
  const reasons = message.spamReasons.map((r) => t(`spam.reason.${r}`)).join(', ');
  return (
    <Badge size="xs" color="orange" variant="light" tt="none" style={{ maxWidth: '100%', whiteSpace: 'normal', height: 'auto' }} data-testid="spam-badge">
      {t('spam.badge', { reasons })}
    </Badge>
  );
}
