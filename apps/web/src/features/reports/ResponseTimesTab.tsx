import { Anchor, Box, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { isNetwork } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useReport } from './get-report';
import { CHART_COLORS as COLORS, Definitions, Kpi } from './parts';
import type { ReportTabProps } from './report-filters';

const DAY = 86_400_000;

/** The period before the chosen one, as the API's "from..to" range. */
function previousPeriod(from: string, to: string): string {
  const a = new Date(`${from}T00:00:00Z`).getTime();
  const b = new Date(`${to}T00:00:00Z`).getTime();
  const days = Math.round((b - a) / DAY) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `${iso(a - days * DAY)}..${iso(a - DAY)}`;
}

export function ResponseTimesTab({ filters, compare }: ReportTabProps) {
  const { t, formatDuration, formatNumber } = useI18n();
  const navigate = useNavigate();
  const total = useReport('response-times', { ...filters, interval: 'total' });
  const byNetwork = useReport('response-times', { ...filters, interval: 'total', groupBy: 'network' });
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
  const was = (v: string) => (compare ? t('reports.previous', { value: v }) : null);
  const chart = (byNetwork.data?.rows ?? []).map((r) => ({
    group: r.group ?? '',
    label: r.group && isNetwork(r.group) ? t(`network.${r.group}`) : (r.group ?? ''),
    median: r.firstResponse.median !== null ? Math.round(r.firstResponse.median / 60) : null,
    p90: r.firstResponse.p90 !== null ? Math.round(r.firstResponse.p90 / 60) : null,
  }));
  return (
    <Stack>
      {!row ? (
        <EmptyState>{t('reports.empty')}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} data-testid="response-kpis">
          <Kpi
            label={`${t('reports.firstResponse')} · ${t('reports.median')}`}
            value={dur(row.firstResponse.median)}
            previous={prev ? was(dur(prev.firstResponse.median)) : null}
            definition={d.firstResponse}
          />
          <Kpi
            label={`${t('reports.firstResponse')} · ${t('reports.p90')}`}
            value={dur(row.firstResponse.p90)}
            previous={prev ? was(dur(prev.firstResponse.p90)) : null}
            definition={d.statistics}
          />
          <Kpi
            label={`${t('reports.replyTime')} · ${t('reports.median')}`}
            value={dur(row.reply.median)}
            previous={prev ? was(dur(prev.reply.median)) : null}
            definition={d.reply}
          />
          <Kpi label={t('reports.sla')} value={pct(row.reply.sla.attained)} previous={prev ? was(pct(prev.reply.sla.attained)) : null} definition={d.sla} />
          <Kpi label={`${t('reports.replyTime')} · ${t('reports.count')}`} value={formatNumber(row.reply.count)} definition={d.response} />
          <Kpi label={`${t('reports.replyTime')} · ${t('reports.mean')}`} value={dur(row.reply.mean)} definition={d.statistics} />
          <Kpi label={t('reports.hours.business')} value={dur(row.firstResponse.business?.median)} definition={d.businessHours} />
          <Kpi label={t('reports.handledWithoutReply')} value={formatNumber(row.handled.count)} definition={d.handled} />
        </SimpleGrid>
      )}
      <Card withBorder>
        <Text fw={600} size="sm" mb="xs">
          {t('reports.firstResponse')} ({t('reports.group.network')}, min)
        </Text>
        {chart.length === 0 ? (
          <EmptyState>{t('reports.empty')}</EmptyState>
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
                    onClick={(entry) => void navigate(`/inbox?status=all&network=${(entry as { payload?: { group?: string } }).payload?.group ?? ''}`)}
                  />
                  <Bar isAnimationActive={false} dataKey="p90" name={t('reports.p90')} fill={COLORS[1]} />
                </BarChart>
              </ResponsiveContainer>
            </Box>
            <Group gap="xs" mt="xs">
              {chart.map((c) => (
                <Anchor
                  key={c.group}
                  size="xs"
                  href={`/inbox?status=all&network=${c.group}`}
                  onClick={(e) => {
                    e.preventDefault();
                    void navigate(`/inbox?status=all&network=${c.group}`);
                  }}
                  data-testid="drill-down"
                >
                  {t('reports.drillDown')}: {c.label}
                </Anchor>
              ))}
            </Group>
          </>
        )}
      </Card>
      <Definitions definitions={d} title={t('reports.definition')} />
    </Stack>
  );
}
