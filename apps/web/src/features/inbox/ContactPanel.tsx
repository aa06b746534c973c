import { Avatar, Badge, Box, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { contactAvatarPath } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, LoadingState } from '../../shared/ui/states';
import { ContactHistory } from './ContactHistory';
import { useThread } from './get-thread';
import { NoteCard } from '../notes/NoteCard';
import { useNotes } from './list-notes';

/** Customer context: who this is, first contact, tags, their profile and other conversations, and the team's notes. */
export function ContactPanel({ threadId }: { threadId: string }) {
  const { t, formatDateTime } = useI18n();
  const thread = useThread(threadId);
  const notes = useNotes(threadId);
  if (!thread.data) return null;
  const contact = thread.data.contact;
  return (
    <Stack gap="sm" p="sm" data-testid="contact-panel">
      <Title order={3} size="h6">
        {t('contact.title')}
      </Title>
      <Group gap="sm" wrap="nowrap">
        {/* Through the api's avatar proxy: the page's CSP loads images from its own origin only. */}
        <Avatar src={contact?.avatarUrl ? contactAvatarPath(contact.id) : undefined} alt="" radius="xl" data-testid="contact-avatar">
          {(contact?.name ?? contact?.handle ?? '?').slice(0, 1)}
        </Avatar>
        <Box style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {contact?.name ?? t('common.none')}
          </Text>
          {contact?.handle && (
            <Text size="xs" c="dimmed" truncate>
              @{contact.handle.replace(/^@/, '')}
            </Text>
          )}
        </Box>
      </Group>
      <Text size="xs" c="dimmed">
        {t('contact.firstSeen')}: {thread.data.firstInboundAt ? formatDateTime(thread.data.firstInboundAt) : t('common.none')}
      </Text>
      {thread.data.tags.length > 0 && (
        <Group gap={4}>
          {thread.data.tags.map((tag) => (
            <Badge key={tag} size="xs" variant="outline">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
      <Divider />
      {contact && <ContactHistory contactId={contact.id} threadId={threadId} />}
      <Divider />
      <Title order={3} size="h6">
        {t('inbox.notes')}
      </Title>
      {notes.isPending ? (
        <LoadingState />
      ) : notes.isError ? (
        <EmptyState>{t('inbox.noNotes')}</EmptyState>
      ) : notes.data.length ? (
        notes.data.map((n) => <NoteCard key={n.id} note={n} />)
      ) : (
        <Text size="xs" c="dimmed">
          {t('inbox.noNotes')}
        </Text>
      )}
    </Stack>
  );
}
