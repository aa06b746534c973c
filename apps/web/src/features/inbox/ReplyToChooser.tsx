import { Group, Paper, Select, Text } from '@mantine/core';
import type { MessageItem } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';

const snippet = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * Which comment of a comment thread the reply answers (default: the newest customer comment), and
 * that comment quoted above the composer. The reply's parentExternalId is the chosen comment's id.
 */
export function ReplyToChooser({ comments, chosen, onChoose }: { comments: MessageItem[]; chosen: MessageItem; onChoose: (externalId: string) => void }) {
  const { t, formatDateTime } = useI18n();
  const nameOf = (m: MessageItem) => m.author?.name ?? m.author?.handle ?? t('replyTo.unknownAuthor');
  return (
    <Paper p={6} withBorder bg="gray.0" data-testid="reply-to">
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Text size="xs" fw={600} c="dark.7" data-testid="reply-to-name">
          {t('replyTo.quote', { name: nameOf(chosen) })}
        </Text>
        {comments.length > 1 && (
          <Select
            size="xs"
            w={{ base: '100%', xs: 260 }}
            aria-label={t('replyTo.label')}
            allowDeselect={false}
            data={[...comments].reverse().map((m) => ({
              value: m.externalId ?? m.id,
              label: `${nameOf(m)} · ${formatDateTime(m.createdAt, { hour: '2-digit', minute: '2-digit' })} · ${snippet(m.text)}`,
            }))}
            value={chosen.externalId}
            onChange={(v) => v && onChoose(v)}
            comboboxProps={{ withinPortal: true }}
            data-testid="reply-to-select"
          />
        )}
      </Group>
      <Text size="xs" c="dark.6" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }} data-testid="reply-to-text">
        {chosen.text}
      </Text>
    </Paper>
  );
}
