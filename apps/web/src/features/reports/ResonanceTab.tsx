import { Card, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { isNetwork } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useReport } from './get-report';
import { Definitions, Kpi } from './parts';
import type { ReportTabProps } from './report-filters';

export function ResonanceTab({ filters }: ReportTabProps) {
  const { t, formatNumber } = useI18n();
  const report = useReport('resonance', { ...filters, interval: 'total' });
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/resonance" />;
  const d = report.data.definitions;
  const row = report.data.rows[0];
  const n = (v: number | null | undefined, o?: Intl.NumberFormatOptions) => (v === null || v === undefined ? t('common.none') : formatNumber(v, o));
  return (
    <Stack>
      {!row ? (
        <EmptyState>{t('reports.empty')}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Kpi label={t('reports.comments')} value={n(row.comments)} definition={d.comments} />
          <Kpi label={t('reports.uniqueCommenters')} value={n(row.uniqueCommenters)} definition={d.uniqueCommenters} />
          <Kpi label={t('reports.returningCommenters')} value={n(row.returningCommenters)} definition={d.returningCommenters} />
          <Kpi label={t('reports.per1000')} value={n(row.commentsPer1000Followers, { maximumFractionDigits: 2 })} definition={d.perThousand} />
          <Kpi label={t('reports.shareAnswered')} value={n(row.shareAnswered, { style: 'percent' })} definition={d.shareAnswered} />
          <Kpi label={t('reports.sentiment')} value={n(row.sentiment, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })} definition={d.sentiment} />
        </SimpleGrid>
      )}
      <Card withBorder>
        <Text fw={600} size="sm" mb="xs">
          {t('reports.topPosts')}
        </Text>
        {report.data.topPosts.length === 0 ? (
          <EmptyState>{t('reports.empty')}</EmptyState>
        ) : (
          <Table striped>
            <Table.Tbody>
              {report.data.topPosts.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{t(`network.${isNetwork(p.network) ? p.network : 'facebook'}`)}</Table.Td>
                  <Table.Td style={{ maxWidth: 480 }}>
                    <Text size="sm" lineClamp={2}>
                      {p.text}
                    </Text>
                  </Table.Td>
                  <Table.Td>{n(p.comments ?? p.our_comments ?? null)}</Table.Td>
                  <Table.Td>{n(p.weightedEngagement, { maximumFractionDigits: 3 })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {d.topPosts} {d.weightedEngagement}
        </Text>
      </Card>
      <Definitions definitions={d} title={t('reports.definition')} />
    </Stack>
  );
}
