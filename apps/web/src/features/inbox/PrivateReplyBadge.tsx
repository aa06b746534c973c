import { Link } from 'react-router';
import { Anchor, Badge, Group } from '@mantine/core';
import type { MessageItem } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';

/** A comment answered privately: says so, and links to the direct thread the private reply is in. */
export function PrivateReplyBadge({ message }: { message: MessageItem }) {
  const { t } = useI18n();
  if (!message.privateReply) return null;
  return (
    <Group gap={6} mt={4} data-testid="private-reply-badge">
      <Badge size="xs" color="grape" variant="light">
        {t('privateReply.answered')}
      </Badge>
      <Anchor component={Link} to={`/inbox/${message.privateReply.threadId}`} size="xs" data-testid="private-reply-open">
        {t('privateReply.open')}
      </Anchor>
    </Group>
  );
}
