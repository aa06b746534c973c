import { Button, Card, Group, SimpleGrid, Table, Text } from '@mantine/core';
import type { RegularCommenter } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { DefinitionToggle } from './DefinitionToggle';
import { reportCsvUrl, useReport } from './get-report';
import type { ReportFilters } from './report-filters';

/** Who comes back again and again, and which of last period's regulars went silent, with the CSV of both. */
export function RegularsSection({ filters }: { filters: ReportFilters }) {
  const { t, formatNumber } = useI18n();
  const report = useReport('regulars', { ...filters, interval: 'total', groupBy: undefined });
  const days = report.data?.minDays ?? 3;
  const people = (list: RegularCommenter[], testId: string, empty: string) =>
    list.length === 0 ? (
      <EmptyState>{empty}</EmptyState>
    ) : (
      <Table.ScrollContainer minWidth={320}>
        <Table striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('gap.personColumn')}</Table.Th>
              <Table.Th scope="col">{t('gap.networkColumn')}</Table.Th>
              <Table.Th scope="col">{t('gap.daysColumn')}</Table.Th>
              <Table.Th scope="col">{t('gap.previousDaysColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <Table.Tr key={r.contactId}>
                <Table.Th scope="row" fw={400}>
                  {r.name ?? r.handle ?? t('gap.drill.unknownAuthor')}
                </Table.Th>
                <Table.Td>{r.networks.map((n) => t(`network.${n}`)).join(', ')}</Table.Td>
                <Table.Td>{formatNumber(r.days)}</Table.Td>
                <Table.Td>{formatNumber(r.previousDays)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  return (
    <Card withBorder component="section" aria-labelledby="regulars-title" data-testid="regulars">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text fw={600} size="sm" component="h2" m={0} id="regulars-title">
          {t('gap.regularsTitle')}
        </Text>
        <Button size="xs" variant="default" component="a" href={reportCsvUrl('regulars', filters)} download data-testid="csv-regulars">
          {t('gap.exportRegulars')}
        </Button>
      </Group>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/regulars" />
      ) : (
        <>
          <Text size="sm" mb="xs" data-testid="regulars-summary">
            {t('gap.regularsSummary', { regulars: formatNumber(report.data.counts.regulars), silent: formatNumber(report.data.counts.silent) })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <div>
              <Text size="sm" fw={600} mb={4} component="h3" m={0}>
                {t('gap.whoReturns')}
              </Text>
              {people(report.data.regulars, 'regulars-table', t('gap.noRegulars', { days }))}
            </div>
            <div>
              <Text size="sm" fw={600} mb={4} component="h3" m={0}>
                {t('gap.wentSilent')}
              </Text>
              {people(report.data.silent, 'silent-table', t('gap.noSilent'))}
            </div>
          </SimpleGrid>
        </>
      )}
      <DefinitionToggle definition={t('gap.regularsDefinition', { days })} testId="regulars-definition" />
    </Card>
  );
}
