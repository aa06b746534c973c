import { Link } from 'react-router';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { NetworkIcon } from '../../shared/ui/NetworkIcon';
import { useContactHistory } from './get-contact-history';

/**
 * The customer's profile on the network and their other conversations, each a link. The history is
 * the contact's (one person as one channel sees them): Resonance does not merge people across
 * channels or networks by name or handle, which could join two different people.
 */
export function ContactHistory({ contactId, threadId }: { contactId: string; threadId: string }) {
  const { t, formatRelative } = useI18n();
  const history = useContactHistory(contactId);
  if (!history.data) return null;
  const { contact, threads } = history.data;
  const others = threads.filter((th) => th.id !== threadId);
  return (
    <Stack gap={6} data-testid="contact-history">
      {contact.profileUrl && (
        <Anchor size="xs" href={contact.profileUrl} target="_blank" rel="noopener noreferrer" data-testid="contact-profile-link">
          {t('contact.profile')} ({t(`network.${contact.network}`)})
        </Anchor>
      )}
      <Title order={3} size="h6">
        {t('contact.earlier')}
      </Title>
      {others.length === 0 ? (
        <Text size="xs" c="dark.6">
          {t('contact.noEarlier')}
        </Text>
      ) : (
        others.map((th) => (
          <Anchor key={th.id} component={Link} to={`/inbox/${th.id}`} size="xs" c="dark.8" data-testid="contact-thread" underline="hover">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <NetworkIcon network={th.network} size={16} />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="xs" lineClamp={1}>
                  {th.lastMessagePreview}
                </Text>
                <Group gap={4}>
                  <Badge size="xs" variant="light" color={th.status === 'closed' ? 'gray' : 'blue'}>
                    {t(`status.${th.status}`)}
                  </Badge>
                  <Text size="xs" c="dark.6">
                    {t(`channel.${th.kind}`)} · {formatRelative(th.lastMessageAt)}
                  </Text>
                </Group>
              </Stack>
            </Group>
          </Anchor>
        ))
      )}
    </Stack>
  );
}
