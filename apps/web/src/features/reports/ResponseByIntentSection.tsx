import { Button, Card, Group, Table, Text } from '@mantine/core';
import type { ResponseByIntentRow } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { DefinitionToggle } from './DefinitionToggle';
import { reportCsvUrl, useReport } from './get-report';
import type { ReportFilters } from './report-filters';

/** How fast each kind of customer question gets answered (median, p90, share answered), with its CSV. */
export function ResponseByIntentSection({ filters }: { filters: ReportFilters }) {
  const { t, formatDuration, formatNumber } = useI18n();
  const report = useReport('response-by-intent', { ...filters, interval: 'total', groupBy: undefined });
  const dur = (v: number | null) => (v === null ? t('common.none') : formatDuration(v));
  const pct = (v: number | null) => (v === null ? t('common.none') : formatNumber(v, { style: 'percent', maximumFractionDigits: 0 }));
  const label = (r: ResponseByIntentRow) => (r.intent === 'unclassified' ? t('gap.unclassified') : t(`intent.${r.intent}`));
  const rows = report.data?.rows ?? [];
  // Discount requests and purchase intent together: their replies' median is not the median of two medians, so the
  // headline names the slower of the two, never a number the table does not show.
  const dealRows = rows.filter((r) => r.intent === 'discount_request' || r.intent === 'purchase_intent');
  const dealMedian = dealRows.reduce<number | null>((m, r) => (r.median === null ? m : m === null ? r.median : Math.max(m, r.median)), null);
  const complaints = rows.find((r) => r.intent === 'complaint_support');
  return (
    <Card withBorder component="section" aria-labelledby="response-by-intent-title" data-testid="response-by-intent">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text fw={600} size="sm" component="h2" m={0} id="response-by-intent-title">
          {t('gap.responseTitle')}
        </Text>
        <Button size="xs" variant="default" component="a" href={reportCsvUrl('response-by-intent', filters)} download data-testid="csv-response-by-intent">
          {t('gap.exportResponse')}
        </Button>
      </Group>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/response-by-intent" />
      ) : rows.length === 0 ? (
        <EmptyState>{t('reports.empty')}</EmptyState>
      ) : (
        <>
          <Text size="sm" mb="xs" data-testid="response-by-intent-headline">
            {t('gap.responseHeadline', { deals: dur(dealMedian), complaints: dur(complaints?.median ?? null) })}
          </Text>
          <Table.ScrollContainer minWidth={480}>
            <Table striped data-testid="response-by-intent-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('gap.intentColumn')}</Table.Th>
                  <Table.Th scope="col">{t('gap.messagesCount')}</Table.Th>
                  <Table.Th scope="col">{t('gap.shareAnswered')}</Table.Th>
                  <Table.Th scope="col">{t('gap.medianReply')}</Table.Th>
                  <Table.Th scope="col">{t('gap.p90Reply')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.intent} data-intent={r.intent}>
                    <Table.Th scope="row" fw={400}>
                      {label(r)}
                    </Table.Th>
                    <Table.Td>{formatNumber(r.messages)}</Table.Td>
                    <Table.Td>{pct(r.shareAnswered)}</Table.Td>
                    <Table.Td>{dur(r.median)}</Table.Td>
                    <Table.Td>{dur(r.p90)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <DefinitionToggle definition={t('gap.responseDefinition')} testId="response-by-intent-definition" />
    </Card>
  );
}
