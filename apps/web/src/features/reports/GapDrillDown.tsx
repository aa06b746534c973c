import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { GapSide, PostTopic } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useGapItems } from './gap-items';
import type { ReportFilters } from './report-filters';

/** The posts or the customer messages behind one bar of the gap, for the report's period and network. */
export function GapDrillDown({
  filters,
  periodLabel,
  bar,
  onClose,
}: {
  filters: ReportFilters;
  periodLabel: string;
  bar: { side: GapSide; topic: PostTopic };
  onClose: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const items = useGapItems(filters, bar);
  const topic = t(`gap.topic.${bar.topic}`);
  const title = bar.side === 'posts' ? t('gap.drill.posts', { topic }) : t('gap.drill.messages', { topic });
  return (
    <Card withBorder data-testid="gap-drilldown" aria-label={title} component="section">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text fw={600} size="sm" component="h3" m={0}>
          {title} · {periodLabel}
        </Text>
        <Button size="xs" variant="default" onClick={onClose} data-testid="gap-drilldown-close">
          {t('gap.drill.close')}
        </Button>
      </Group>
      {items.isPending ? (
        <LoadingState />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} path="/api/reports/perception-gap/items" />
      ) : items.data.posts.length + items.data.messages.length === 0 ? (
        <EmptyState>{t('gap.drill.empty')}</EmptyState>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.data.posts.map((p) => (
            <li key={p.id} data-testid="gap-item">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                  {t(`network.${p.network}`)}
                </Badge>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {p.text}
                  </Text>
                  <Group gap="xs">
                    <Text size="xs" c="dark.4">
                      {formatDateTime(p.publishedAt)}
                    </Text>
                    {p.url && (
                      <Anchor size="xs" href={p.url} target="_blank" rel="noreferrer">
                        {t('gap.drill.openPost')}
                      </Anchor>
                    )}
                  </Group>
                </Stack>
              </Group>
            </li>
          ))}
          {items.data.messages.map((m) => (
            <li key={m.id} data-testid="gap-item" data-intent={m.intent}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                  {t(`network.${m.network}`)}
                </Badge>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {m.text}
                  </Text>
                  <Group gap="xs">
                    <Text size="xs" c="dark.4">
                      {m.contactName ?? t('gap.drill.unknownAuthor')} · {t(`intent.${m.intent}`)} · {formatDateTime(m.createdAt)}
                    </Text>
                    <Anchor size="xs" component={Link} to={`/inbox/${m.threadId}?status=all`}>
                      {t('gap.drill.openThread')}
                    </Anchor>
                  </Group>
                </Stack>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {items.data?.more && (
        <Text size="xs" c="dark.4" mt="xs">
          {t('gap.drill.more', { count: items.data.posts.length + items.data.messages.length })}
        </Text>
      )}
    </Card>
  );
}
