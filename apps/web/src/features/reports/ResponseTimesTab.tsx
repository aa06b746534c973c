import { Anchor, Box, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { isNetwork, type ResponseTimesRow } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useReport } from './get-report';
import { CHART_COLORS as COLORS, Definitions, Kpi, NoData } from './parts';
import type { ReportTabProps } from './report-filters';
import { emptyWhere, trendOf } from './report-format';

const DAY = 86_400_000;

/** The period before the chosen one, as the API's "from..to" range. */
function previousPeriod(from: string, to: string): string {
  const a = new Date(`${from}T00:00:00Z`).getTime();
  const b = new Date(`${to}T00:00:00Z`).getTime();
  const days = Math.round((b - a) / DAY) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `${iso(a - days * DAY)}..${iso(a - DAY)}`;
}

/** Response times: the headline numbers with their trends, per network and per agent, each with the threads behind it. */
export function ResponseTimesTab({ filters, compare, step, openDrill }: ReportTabProps) {
  const i18n = useI18n();
  const { t, formatDuration, formatNumber } = i18n;
  const total = useReport('response-times', { ...filters, interval: 'total' });
  const trend = useReport('response-times', { ...filters, interval: step });
  const byNetwork = useReport('response-times', { ...filters, interval: 'total', groupBy: 'network' });
  const byAgent = useReport('response-times', { ...filters, interval: 'total', groupBy: 'agent' });
  const prevRange = total.data ? previousPeriod(total.data.params.from, total.data.params.to) : null;
  const previous = useReport('response-times', { ...filters, period: prevRange ?? filters.period, interval: 'total' });
  if (total.isPending) return <LoadingState />;
  if (total.isError) return <ErrorState error={total.error} onRetry={() => void total.refetch()} path="/api/reports/response-times" />;
  const d = total.data.definitions;
  const row = total.data.rows[0];
  const prev = compare && prevRange && previous.data ? previous.data.rows[0] : undefined;
  const dur = (v: number | null | undefined) => (v === null || v === undefined ? t('common.none') : formatDuration(v));
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? t('common.none') : formatNumber(v, { style: 'percent', maximumFractionDigits: 0 });
  const was = (v: string) => t('reports.previous', { value: v });
  const rows = trend.data?.rows;
  const durTrend = (value: (r: ResponseTimesRow) => number | null | undefined) => ({ points: trendOf(rows, value), format: formatDuration });
  const pctTrend = (value: (r: ResponseTimesRow) => number | null | undefined) => ({
    points: trendOf(rows, value),
    format: (v: number) => formatNumber(v, { style: 'percent', maximumFractionDigits: 0 }),
  });
  const countTrend = (value: (r: ResponseTimesRow) => number | null | undefined) => ({ points: trendOf(rows, value), format: (v: number) => formatNumber(v) });
  const why = emptyWhere(i18n, total.data.params, filters.network);
  const networks = (byNetwork.data?.rows ?? []).filter((r) => r.group && isNetwork(r.group));
  const chart = networks.map((r) => ({
    group: r.group ?? '',
    label: r.group && isNetwork(r.group) ? t(`network.${r.group}`) : '',
    median: r.firstResponse.median !== null ? Math.round(r.firstResponse.median / 60) : null,
    p90: r.firstResponse.p90 !== null ? Math.round(r.firstResponse.p90 / 60) : null,
  }));
  const agents = (byAgent.data?.rows ?? []).filter((r) => r.firstResponse.count + r.reply.count > 0);
  const agentName = (id: string | null) => (id === 'native' ? t('reports.agent.native') : ((id && byAgent.data?.agents[id]) ?? t('common.none')));
  const businessMedian = row?.firstResponse.business?.median;
  return (
    <Stack>
      {!row || row.firstResponse.count + row.reply.count + row.handled.count === 0 ? (
        <NoData testId="no-data-responses">{t('reports.empty.responses', why)}</NoData>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} data-testid="response-kpis">
          <Kpi
            label={`${t('reports.firstResponse')} · ${t('reports.median')}`}
            value={dur(row.firstResponse.median)}
            previous={prev ? was(dur(prev.firstResponse.median)) : null}
            definition="firstResponse"
            trend={durTrend((r) => r.firstResponse.median)}
          />
          <Kpi
            label={`${t('reports.firstResponse')} · ${t('reports.p90')}`}
            value={dur(row.firstResponse.p90)}
            previous={prev ? was(dur(prev.firstResponse.p90)) : null}
            definition="statistics"
            trend={durTrend((r) => r.firstResponse.p90)}
          />
          <Kpi
            label={`${t('reports.replyTime')} · ${t('reports.median')}`}
            value={dur(row.reply.median)}
            previous={prev ? was(dur(prev.reply.median)) : null}
            definition="reply"
            trend={durTrend((r) => r.reply.median)}
          />
          <Kpi
            label={t('reports.sla')}
            value={pct(row.reply.sla.attained)}
            previous={prev ? was(pct(prev.reply.sla.attained)) : null}
            definition="sla"
            trend={pctTrend((r) => r.reply.sla.attained)}
          />
          <Kpi
            label={`${t('reports.replyTime')} · ${t('reports.count')}`}
            value={formatNumber(row.reply.count)}
            previous={prev ? was(formatNumber(prev.reply.count)) : null}
            definition="response"
            trend={countTrend((r) => r.reply.count)}
          />
          <Kpi
            label={`${t('reports.replyTime')} · ${t('reports.mean')}`}
            value={dur(row.reply.mean)}
            previous={prev ? was(dur(prev.reply.mean)) : null}
            definition="statistics"
            trend={durTrend((r) => r.reply.mean)}
          />
          <Kpi
            label={t('reports.hours.business')}
            value={dur(businessMedian)}
            definition="businessHours"
            note={!businessMedian ? t('reports.businessZero') : null}
            trend={durTrend((r) => r.firstResponse.business?.median)}
          />
          <Kpi
            label={t('reports.handledWithoutReply')}
            value={formatNumber(row.handled.count)}
            previous={prev ? was(formatNumber(prev.handled.count)) : null}
            definition="handled"
            trend={countTrend((r) => r.handled.count)}
          />
        </SimpleGrid>
      )}
      <Card withBorder>
        <Text fw={600} size="sm" mb="xs">
          {t('reports.byNetworkChart')}
        </Text>
        {chart.length === 0 ? (
          <NoData>{t('reports.empty.responses', why)}</NoData>
        ) : (
          <>
            <Box h={260} data-testid="response-chart">
              <ResponsiveContainer>
                <BarChart data={chart} accessibilityLayer>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis />
                  <Tooltip />
                  <Legend />
                  <Bar
                    isAnimationActive={false}
                    dataKey="median"
                    name={t('reports.median')}
                    fill={COLORS[0]}
                    cursor="pointer"
                    onClick={(entry) => {
                      const group = (entry as { payload?: { group?: string } }).payload?.group;
                      if (group) openDrill({ kind: 'first-response', network: group });
                    }}
                  />
                  <Bar isAnimationActive={false} dataKey="p90" name={t('reports.p90')} fill={COLORS[1]} />
                </BarChart>
              </ResponsiveContainer>
            </Box>
            <Group gap="xs" mt="xs">
              {chart.map((c) => (
                <Anchor
                  key={c.group}
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => openDrill({ kind: 'first-response', network: c.group })}
                  data-testid="drill-down"
                >
                  {t('reports.drill.showNetwork', { network: c.label })}
                </Anchor>
              ))}
            </Group>
          </>
        )}
      </Card>
      <Card withBorder>
        <Text fw={600} size="sm" mb="xs">
          {t('reports.byAgent')}
        </Text>
        {agents.length === 0 ? (
          <NoData>{t('reports.empty.agents')}</NoData>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="agent-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.agent')}</Table.Th>
                  <Table.Th>{t('reports.firstResponses')}</Table.Th>
                  <Table.Th>{`${t('reports.firstResponse')} · ${t('reports.median')}`}</Table.Th>
                  <Table.Th>{`${t('reports.firstResponse')} · ${t('reports.p90')}`}</Table.Th>
                  <Table.Th>{`${t('reports.replyTime')} · ${t('reports.count')}`}</Table.Th>
                  <Table.Th>{`${t('reports.replyTime')} · ${t('reports.median')}`}</Table.Th>
                  <Table.Th>{t('reports.sla')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agents.map((a) => (
                  <Table.Tr key={a.group ?? ''} data-testid="agent-row">
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => openDrill({ kind: 'first-response', agent: a.group ?? undefined })}
                        disabled={a.firstResponse.count === 0}
                      >
                        {agentName(a.group)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatNumber(a.firstResponse.count)}</Table.Td>
                    <Table.Td>{dur(a.firstResponse.median)}</Table.Td>
                    <Table.Td>{dur(a.firstResponse.p90)}</Table.Td>
                    <Table.Td>{formatNumber(a.reply.count)}</Table.Td>
                    <Table.Td>{dur(a.reply.median)}</Table.Td>
                    <Table.Td>{pct(a.reply.sla.attained)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Definitions definitions={d} title={t('reports.definition')} />
    </Stack>
  );
}
