import { useMemo } from 'react';
import { Anchor, Box, Card, Stack, Table, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { INTENTS } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useReport } from './get-report';
import { IntentPrecision } from './IntentPrecision';
import { CHART_COLORS as COLORS, Definitions, Kpi, NoData } from './parts';
import type { ReportTabProps } from './report-filters';
import { emptyWhere, trendOf } from './report-format';

/** The intent mix: what people want, with its trend; each intent opens exactly the conversations it counts. */
export function IntentsTab({ filters, step, openDrill }: ReportTabProps) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const report = useReport('intents', { ...filters, interval: 'total' });
  const trend = useReport('intents', { ...filters, interval: step });
  const data = useMemo(() => {
    const row = report.data?.rows[0];
    return INTENTS.map((intent) => ({
      intent,
      label: t(`intent.${intent}`),
      count: row?.intents[intent]?.count ?? 0,
      share: row?.intents[intent]?.share ?? 0,
    }));
  }, [report.data, t]);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/intents" />;
  const d = report.data.definitions;
  const drill = (intent: string) => openDrill({ kind: 'intent', intent });
  const messages = report.data.rows[0]?.messages ?? 0;
  return (
    <Stack>
      {messages > 0 && (
        <Kpi
          label={t('reports.inboundMessages')}
          value={formatNumber(messages)}
          definition="inbound"
          trend={{ points: trendOf(trend.data?.rows, (r) => r.messages), format: (v) => formatNumber(v) }}
        />
      )}
      <Card withBorder>
        <Text fw={600} size="sm" mb="xs">
          {t('reports.intents')}
        </Text>
        {data.every((x) => x.count === 0) ? (
          <NoData testId="no-data-intents">{t('reports.empty.intents', emptyWhere(i18n, report.data.params, filters.network))}</NoData>
        ) : (
          <Box h={280} data-testid="intent-chart">
            <ResponsiveContainer>
              <BarChart data={data} layout="vertical" margin={{ left: 40 }} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={170} />
                <Tooltip />
                <Bar
                  isAnimationActive={false}
                  dataKey="count"
                  name={t('reports.count')}
                  cursor="pointer"
                  onClick={(entry) => drill((entry as { payload?: { intent?: string } }).payload?.intent ?? '')}
                  // One colour per intent (recharts 3 draws per-bar colours with `shape`; <Cell> is deprecated).
                  shape={(bar: BarShapeProps) => <Rectangle {...bar} fill={COLORS[bar.index % COLORS.length]} />}
                />
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
        <Table mt="sm" data-testid="intent-table">
          <Table.Tbody>
            {data.map((x) => (
              <Table.Tr key={x.intent}>
                <Table.Td>{x.label}</Table.Td>
                <Table.Td>{formatNumber(x.count)}</Table.Td>
                <Table.Td>{formatNumber(x.share, { style: 'percent', maximumFractionDigits: 0 })}</Table.Td>
                <Table.Td>
                  <Anchor size="xs" component="button" onClick={() => drill(x.intent)} data-testid={`drill-${x.intent}`} disabled={x.count === 0}>
                    {t('reports.drillDown')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <IntentPrecision report={report.data} />
      <Definitions definitions={d} title={t('reports.definition')} />
    </Stack>
  );
}
